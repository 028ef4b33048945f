import { combineParts, malformed } from '../shared/decoded';
import { oneLine } from '../shared/text';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import type { StompFrame } from './frame';
import { parseFrames } from './frame';
import { disconnectGoodbye, errorGoodbye } from './goodbyes';
import type { StompSession } from './session';
import { parseHeartBeat } from './session';

type Message = MessagePreview & { preview: string };

/** Commands whose summary names a destination, which is also what a filter by name matches. */
const BY_DESTINATION = new Set(['SEND', 'SUBSCRIBE', 'MESSAGE']);
/** Body text shown in the tree, at most. */
const MAX_BODY = 500;

export function decode(m: Message, s: StompSession): Decoded {
  if (m.kind === 'binary')
    return malformed(
      'binary',
      'STOMP over WebSocket frames are text here; a binary frame is not decoded',
      m.truncated,
    );
  const { frames, beats, error } = parseFrames(m.preview, m.truncated);
  if (frames.length === 0) {
    if (error !== null) return malformed('frame', error, m.truncated);
    // A message of EOLs alone: STOMP's heart-beat.
    return {
      type: 'heart-beat',
      summary: beats > 1 ? `heart-beat ×${beats}` : 'heart-beat',
      heartbeat: 'ping',
    };
  }
  const d = combineParts(frames.map((f) => frame(f, m, s)));
  if (error !== null) d.error = error;
  return d;
}

function frame(f: StompFrame, m: Message, s: StompSession): Decoded {
  const h = (name: string) => f.headers.get(name);
  const d = describe(f, h, m, s);
  d.tree = toTree({
    command: f.command,
    headers: Object.fromEntries(f.headers),
    ...(f.body === '' ? {} : { body: f.body.length > MAX_BODY ? `${f.body.slice(0, MAX_BODY)}…` : f.body }),
  });
  if (f.partial) d.partial = true;
  return d;
}

function describe(
  f: StompFrame,
  h: (name: string) => string | undefined,
  m: Message,
  s: StompSession,
): Decoded {
  const destination = h('destination');
  if (BY_DESTINATION.has(f.command) && destination !== undefined) {
    const name = oneLine(destination, 120);
    return { type: f.command, summary: `${f.command} ${name}`, event: name };
  }
  switch (f.command) {
    case 'CONNECT':
    case 'STOMP': {
      if (m.dir === 'sent') s.client = parseHeartBeat(h('heart-beat'));
      return {
        type: f.command,
        summary: `${f.command} accept-version ${oneLine(h('accept-version') ?? '1.0', 40)}${beatText(h('heart-beat'))}`,
      };
    }
    case 'CONNECTED': {
      s.server = parseHeartBeat(h('heart-beat'));
      s.version = h('version') ?? '1.0';
      return {
        type: 'CONNECTED',
        summary: `CONNECTED version ${oneLine(s.version, 20)}${beatText(h('heart-beat'))}`,
      };
    }
    case 'ERROR': {
      const message = h('message');
      const g = errorGoodbye(message, f.body, s.version);
      return {
        type: 'ERROR',
        summary: `ERROR ${message === undefined ? oneLine(f.body, 120) : oneLine(message, 120)}`.trimEnd(),
        goodbye: g,
      };
    }
    case 'DISCONNECT':
      return {
        type: 'DISCONNECT',
        summary: `DISCONNECT${idText('receipt', h('receipt'))}`,
        goodbye: disconnectGoodbye(h('receipt')),
      };
    case 'RECEIPT':
      return { type: 'RECEIPT', summary: `RECEIPT${idText('receipt-id', h('receipt-id'))}` };
    case 'UNSUBSCRIBE':
    case 'ACK':
    case 'NACK':
      return { type: f.command, summary: `${f.command}${idText('id', h('id'))}` };
    default:
      return { type: f.command, summary: f.command };
  }
}

function beatText(value: string | undefined): string {
  return value === undefined ? '' : ` heart-beat ${oneLine(value, 30)}`;
}

function idText(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name} ${oneLine(value, 60)}`;
}
