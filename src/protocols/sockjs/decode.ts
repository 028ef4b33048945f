import { combineParts, malformed } from '../shared/decoded';
import type { JsonValue } from '../shared/lenient-json';
import { readJson } from '../shared/json';
import { quoted } from '../shared/text';
import { toTree } from '../shared/tree';
import type { Decoded, MessagePreview } from '../types';
import { closeFrameGoodbye } from './goodbyes';
import { decodeInner } from './inner';
import type { SockJsSession } from './session';

type Message = MessagePreview & { preview: string };

export function decode(m: Message, s: SockJsSession): Decoded {
  if (m.kind === 'binary') return malformed('binary', 'SockJS carries text frames only', m.truncated);
  return m.dir === 'sent' ? sent(m, s) : received(m, s);
}

/** The client sends a JSON array of strings, or (accepted by the server) one JSON string. */
function sent(m: Message, s: SockJsSession): Decoded {
  const json = readJson(m.preview, m.truncated);
  const messages = Array.isArray(json.value)
    ? json.value
    : typeof json.value === 'string'
      ? [json.value]
      : null;
  if (messages === null)
    return malformed('send', json.error ?? 'expected a JSON array of strings', json.partial);
  return withFlags(messagesOf('send', messages, json.partial, m, s), json);
}

function received(m: Message, s: SockJsSession): Decoded {
  const frame = m.preview[0];
  const body = m.preview.slice(1);
  if (frame === 'o' && body === '') return { type: 'open', summary: 'open' };
  if (frame === 'h' && body === '') {
    s.heartbeatsSeen = true;
    return { type: 'heartbeat', summary: 'heartbeat', heartbeat: 'ping' };
  }
  const json = readJson(body, m.truncated);
  if (frame === 'a') {
    if (!Array.isArray(json.value))
      return malformed('array', json.error ?? 'expected a JSON array after "a"', json.partial);
    return withFlags(messagesOf('message', json.value, json.partial, m, s), json);
  }
  if (frame === 'm')
    return withFlags(
      messagesOf('message', json.value === undefined ? [] : [json.value], json.partial, m, s),
      json,
    );
  if (frame === 'c') {
    const [code, reason] = Array.isArray(json.value) ? json.value : [];
    const g = closeFrameGoodbye(
      typeof code === 'number' ? code : undefined,
      typeof reason === 'string' ? reason : undefined,
    );
    const d: Decoded = {
      type: 'close',
      summary: `close ${g.code ?? ''}${g.reason === undefined ? '' : ` ${quoted(g.reason)}`}`.trimEnd(),
    };
    // After the carried protocol's own goodbye (a STOMP ERROR), the default close only ends the session.
    if (!(s.innerGoodbye && code === 1000)) d.goodbye = g;
    if (json.value !== undefined) d.tree = toTree(json.value);
    return withFlags(d, json);
  }
  return malformed('frame', `unknown SockJS frame ${quoted(m.preview, 20)}`, m.truncated);
}

/** Messages one frame may hold before the rest is left undecoded. */
const MAX_MESSAGES = 50;

function messagesOf(
  type: string,
  items: readonly JsonValue[],
  cut: boolean,
  m: Message,
  s: SockJsSession,
): Decoded {
  if (items.length === 0) return { type, summary: `${type} (none)` };
  const shown = items.slice(0, MAX_MESSAGES);
  const parts = shown.map(
    (item, i): Decoded =>
      (typeof item === 'string' ? decodeInner(item, cut && i === items.length - 1, m, s) : null) ?? {
        type,
        summary: `${type} ${quoted(typeof item === 'string' ? item : JSON.stringify(item))}`,
      },
  );
  const d = combineParts(parts);
  const out: Decoded = items.length === 1 ? d : { ...d, summary: `${items.length} ${type}s: ${d.summary}` };
  out.tree = toTree(items);
  return out;
}

function withFlags(d: Decoded, json: { partial: boolean; error: string | null }): Decoded {
  if (json.partial) d.partial = true;
  if (json.error !== null) d.error = json.error;
  return d;
}
