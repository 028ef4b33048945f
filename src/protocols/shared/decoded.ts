import type { Decoded } from '../types';
import { oneLine } from './text';

/** One message that carries several protocol messages, as one row: types and summaries joined. */
export function combineParts(parts: readonly Decoded[]): Decoded {
  const [first] = parts;
  if (first === undefined)
    return { type: 'empty', summary: 'no messages', error: 'the message holds nothing' };
  if (parts.length === 1) return first;
  const types = [...new Set(parts.map((p) => p.type))];
  const out: Decoded = {
    type: types.join(' + '),
    summary: oneLine(parts.map((p) => p.summary).join(' · ')),
    parts,
  };
  const event = parts.find((p) => p.event !== undefined)?.event;
  if (event !== undefined) out.event = event;
  if (first.heartbeat !== undefined && parts.every((p) => p.heartbeat === first.heartbeat))
    out.heartbeat = first.heartbeat;
  for (const p of parts) if (p.goodbye !== undefined) out.goodbye = p.goodbye;
  if (parts.some((p) => p.partial === true)) out.partial = true;
  const error = parts.find((p) => p.error !== undefined)?.error;
  if (error !== undefined) out.error = error;
  return out;
}

/** A message the protocol cannot make sense of: shown as such, never thrown. */
export function malformed(type: string, error: string, partial: boolean): Decoded {
  const d: Decoded = { type, summary: `malformed ${type}: ${oneLine(error, 120)}`, error };
  if (partial) d.partial = true;
  return d;
}
