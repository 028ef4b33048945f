import { closeCallText, injectionText } from '../close-codes/close-call-text';
import { handshakeText, notableHandshake } from '../close-codes/handshake-report';
import type { CloseLogSocket } from './close-log-schema';
import { DEFAULT_REDACTION, redactSocket } from './redaction';
import type { RedactionOptions } from './redaction';

const iso = (t: number) => new Date(t).toISOString();
const after = (s: CloseLogSocket, t: number) => `${iso(t)} (+${Math.round(t - s.createdAt)} ms)`;
const traffic = (t: { messages: number; bytes: number }) =>
  `${t.messages.toLocaleString('en-US')} messages, ${t.bytes.toLocaleString('en-US')} bytes`;

/**
 * One socket as plain text for a bug report: everything a developer needs to find it and
 * understand its close, and, first of all, whether a tester injected that close. Secrets are
 * redacted unless `redaction` says otherwise: the text goes into bug trackers.
 */
export function socketSummaryText(
  socket: CloseLogSocket,
  redaction: RedactionOptions = DEFAULT_REDACTION,
): string {
  const s = redactSocket(socket, redaction);
  const lines: string[] = [];
  const c = s.close;
  if (s.injection) {
    lines.push(
      `INJECTED BY TESTER: ${injectionText(s.injection)} at ${iso(s.injection.at)}. This close is not a real one.`,
    );
  }
  lines.push(
    `WebSocket ${s.url}`,
    `Frame: ${s.frameUrl}`,
    `State: ${s.state}`,
    `Created: ${iso(s.createdAt)}`,
  );
  if (s.appProtocol)
    lines.push(`Application protocol: ${s.appProtocol.name} (by ${s.appProtocol.detectedBy})`);
  lines.push(`Opened: ${s.openedAt === null ? 'never' : after(s, s.openedAt)}`);
  const handshake = notableHandshake(s);
  if (handshake) lines.push(`Handshake: ${handshakeText(handshake)} (reported by the browser)`);
  if (s.closeCall)
    lines.push(
      `Page called: ${closeCallText(s.closeCall.code, s.closeCall.reason)} at ${iso(s.closeCall.at)}`,
    );
  if (s.errorAt !== null) lines.push(`Error event: ${after(s, s.errorAt)}`);
  if (c && s.closedAt !== null) {
    lines.push(`Closed: ${after(s, s.closedAt)}`);
    lines.push(
      `Close: ${c.code} ${c.name}, wasClean ${String(c.wasClean)}, by ${c.initiator}${c.abnormal ? ', ABNORMAL' : ''}`,
    );
    lines.push(`Reason: ${c.reason === '' ? '(none)' : JSON.stringify(c.reason)}`);
    lines.push(`Explanation: ${c.explanation}`);
    if (c.application)
      lines.push(`Application said (${c.application.protocol}): ${c.application.explanation}`);
  }
  lines.push(`Sent: ${traffic(s.sent)}`, `Received: ${traffic(s.received)}`);
  // The page's own traffic above; the tester's, when there is any, on a line of its own.
  const { sent, injected } = s.tester;
  if (sent.messages + injected.messages > 0)
    lines.push(`By tester: sent ${traffic(sent)}; injected ${traffic(injected)}`);
  if (s.intercepted) lines.push(`Intercepted by rules: ${s.intercepted} of these messages`);
  return lines.join('\n') + '\n';
}
