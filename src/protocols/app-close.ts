import { heartbeatVerdict } from './heartbeat-verdict';
import { protocolById } from './registry';
import type {
  AppCloseFacts,
  AppCloseInfo,
  DecodedMessage,
  HeartbeatPolicy,
  Protocol,
  ProtocolCloseCode,
  SeenGoodbye,
} from './types';

/** Codes no close frame carries: the browser reports them, so no protocol can have meant them. */
const LOCAL_ONLY = new Set([1005, 1006, 1015]);

export interface AppCloseInput {
  protocol: Protocol;
  /** The socket's messages in order, each with its decoding. */
  messages: readonly DecodedMessage[];
  /** The session's heartbeat policy once all messages were decoded (ProtocolSession.heartbeat()). */
  heartbeat: HeartbeatPolicy | null;
  close: AppCloseFacts;
}

/**
 * What the application layer said about a close, beside what the browser reported: the last
 * goodbye before it, the protocol's own meaning of the close code, and whether its heartbeats
 * had stopped. Every line states what the messages show, nothing more.
 */
export function explainAppClose({ protocol, messages, heartbeat, close }: AppCloseInput): AppCloseInfo {
  const goodbye = lastGoodbye(messages, close.closedAt);
  const closeCode = protocolCloseCode(protocol, close.code, close.reason, goodbye !== null);
  const verdict = heartbeatVerdict(messages, close, heartbeat);
  const lines: string[] = [];
  if (goodbye !== null) lines.push(goodbyeLine(protocol, goodbye));
  if (closeCode !== null) lines.push(codeLine(protocol.name, closeCode));
  if (verdict !== null) lines.push(verdict.text);
  return {
    protocol: protocol.id,
    protocolName: protocol.name,
    goodbye,
    closeCode,
    heartbeat: verdict,
    lines,
  };
}

/**
 * The protocol's own meaning of a close code, for a socket of that protocol: never for a code the
 * browser reports itself, and for a code that means something only after the protocol's goodbye
 * (the 1000 behind it), only once that goodbye was seen.
 */
export function protocolCloseCode(
  protocol: Protocol,
  code: number,
  reason: string,
  goodbyeSeen: boolean,
): ProtocolCloseCode | null {
  if (LOCAL_ONLY.has(code)) return null;
  const c = protocol.closeCode(code, reason);
  return c !== null && c.afterGoodbye === true && !goodbyeSeen ? null : c;
}

function lastGoodbye(messages: readonly DecodedMessage[], closedAt: number): SeenGoodbye | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const entry = messages[i];
    if (entry === undefined || entry.message.t > closedAt) continue;
    const g = entry.decoded.goodbye;
    if (g !== undefined)
      return {
        ...g,
        summary: entry.decoded.summary,
        seq: entry.message.seq,
        t: entry.message.t,
        dir: entry.message.dir,
      };
  }
  return null;
}

function goodbyeLine(protocol: Protocol, g: SeenGoodbye): string {
  const who = g.dir === 'received' ? 'the server' : 'the client';
  // A protocol carried inside another (STOMP over SockJS) says goodbye in its own name.
  const name =
    g.protocol === protocol.id
      ? protocol.name
      : `${protocolById(g.protocol)?.name ?? g.protocol} (over ${protocol.name})`;
  return `Last ${name} goodbye before the close, from ${who}: ${g.summary}. ${g.explanation}`;
}

function codeLine(protocolName: string, c: ProtocolCloseCode): string {
  const retry = c.retry === undefined ? '' : `; ${c.retry}`;
  return `For ${protocolName}, close code ${c.code} means ${c.name}: ${c.meaning} (sent by ${c.sentBy}${retry}).`;
}
