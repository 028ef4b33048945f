import type { PreviewLog } from './preview-log';
import type { MessageRecord } from './socket-record';

/** Words that name a keep-alive in the field that says what a message is. */
const HEARTBEAT_WORD = /^(?:.*[:._-])?(?:ping|pong|heartbeat|heartbeat[_-]?ack|keep-?alive|hb)$/i;
/** The fields protocols name a message's kind in: {"type":"ping"}, {"event":"pusher:ping"}... */
const KIND_FIELDS = ['type', 'event', 'op', 'action', 'method', 'kind', 'msg', 'cmd'];
/** Engine.IO's ping and pong (Socket.IO's transport), with the upgrade probe. */
const ENGINE_IO = new Set(['2', '3', '2probe', '3probe']);
/** Heartbeats are small; a larger message is data, whatever it is called. */
const MAX_HEARTBEAT_BYTES = 256;

/** A message that says it is a ping or a pong: by its text, or by a field naming its kind. */
export function looksLikeHeartbeat(m: MessageRecord): boolean {
  if (m.kind !== 'text' || m.preview === null || m.truncated || m.size > MAX_HEARTBEAT_BYTES) return false;
  const text = m.preview.trim();
  if (ENGINE_IO.has(text) || /^(?:ping|pong|heartbeat|keep-?alive)$/i.test(text)) return true;
  if (!text.startsWith('{')) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  const keys = Object.keys(fields);
  // {"ping": 1700000000} and {"pong": ...}: the message is its one field's name.
  if (keys.length === 1 && /^(?:ping|pong|heartbeat)$/i.test(keys[0] ?? '')) return true;
  return KIND_FIELDS.some((k) => typeof fields[k] === 'string' && HEARTBEAT_WORD.test(fields[k]));
}

/** Identical messages this small, this many times, at a steady interval, are a keep-alive. */
const STEADY = { maxBytes: 64, minRepeats: 4, minGapMs: 500, maxSpread: 0.25 } as const;

/**
 * The lifetime ordinals of a socket's retained previews that are heartbeats: those that say so,
 * and identical small messages each way that come at a steady interval (whatever they say).
 * Recomputed only when the log grew or dropped previews.
 */
export function heartbeatOrdinals(log: PreviewLog): ReadonlySet<number> {
  const cached = found.get(log.storage);
  if (cached && cached.dropped === log.dropped && cached.pushed === log.pushed) return cached.ordinals;
  const ordinals = new Set<number>();
  const repeats = new Map<string, { ordinals: number[]; times: number[] }>();
  for (let o = log.dropped; o < log.pushed; o++) {
    const m = log.atOrdinal(o);
    if (!m) continue;
    if (looksLikeHeartbeat(m)) ordinals.add(o);
    else if (m.preview !== null && m.size <= STEADY.maxBytes && !m.truncated) {
      const key = `${m.dir}:${m.kind}:${m.preview}`;
      let r = repeats.get(key);
      if (!r) repeats.set(key, (r = { ordinals: [], times: [] }));
      r.ordinals.push(o);
      r.times.push(m.t);
    }
  }
  for (const r of repeats.values()) if (steady(r.times)) for (const o of r.ordinals) ordinals.add(o);
  found.set(log.storage, { dropped: log.dropped, pushed: log.pushed, ordinals });
  return ordinals;
}

/** Whether times come at one interval: enough of them, apart, the gaps within a spread of their mean. */
function steady(times: readonly number[]): boolean {
  if (times.length < STEADY.minRepeats) return false;
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  if (mean < STEADY.minGapMs) return false;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  return sd / mean <= STEADY.maxSpread;
}

const found = new WeakMap<object, { dropped: number; pushed: number; ordinals: ReadonlySet<number> }>();
