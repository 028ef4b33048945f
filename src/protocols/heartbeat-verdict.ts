import { seconds } from './shared/text';
import type { AppCloseFacts, HeartbeatPolicy, HeartbeatVerdict, DecodedMessage } from './types';

/** A beat this much later than its interval counts as missed: timers and networks jitter. */
const LATE = 1.1;
/** A ping unanswered for less than this before the close may just have crossed the close. */
const UNANSWERED_AFTER = 5_000;

/**
 * Whether the protocol's heartbeats stopped before a drop (1006 after open) or before the page
 * closed the socket itself without a code (what client libraries do when their heartbeat times
 * out). Only what the messages show: no verdict without a policy or for other closes.
 */
export function heartbeatVerdict(
  messages: readonly DecodedMessage[],
  close: AppCloseFacts,
  policy: HeartbeatPolicy | null,
): HeartbeatVerdict | null {
  if (policy === null || !close.opened) return null;
  // A 1006 after the page's own close() is a server that never answered the closing handshake.
  const drop = close.code === 1006 && !close.wasClean && close.closeCall === null;
  const selfClose =
    close.closeCall !== null &&
    (close.closeCall.code === null || close.closeCall.reason === 'heartbeat timeout');
  if (!drop && !selfClose) return null;
  const end = selfClose && close.closeCall !== null ? close.closeCall.at : close.closedAt;
  const watched = policy.from === 'server' ? 'received' : 'sent';
  let last: number | null = null;
  let ping: { at: number; type: string } | null = null;
  for (const { message, decoded } of messages) {
    if (message.t > end) break;
    if (message.dir === watched && (!policy.beatsOnly || decoded.heartbeat !== undefined)) last = message.t;
    if (message.dir === 'sent' && decoded.heartbeat === 'ping')
      ping ??= { at: message.t, type: decoded.type };
    if (message.dir === 'received' && decoded.heartbeat === 'pong') ping = null;
  }
  const since = last ?? close.openedAt;
  if (since === null) return null;
  const silenceMs = Math.max(0, end - since);
  const limit = policy.intervalMs ?? policy.timeoutMs ?? Infinity;
  const unanswered = policy.answered && ping !== null && end - ping.at >= UNANSWERED_AFTER ? ping : null;
  const missed = silenceMs > limit * LATE || unanswered !== null;
  // On time needs a beat to have been seen: a socket younger than one interval shows nothing either way.
  if (!missed && (!drop || last === null)) return null;
  const ending = drop ? 'the drop' : 'the page closed the socket';
  const lines: string[] = [];
  if (silenceMs > limit * LATE) {
    lines.push(
      `No ${policy.beatName} for ${seconds(silenceMs)} before ${ending}${last === null ? ' (none since it opened)' : ''}; ${policy.description}.`,
    );
  }
  if (unanswered !== null)
    lines.push(`The ${unanswered.type} sent ${seconds(end - unanswered.at)} before ${ending} got no answer.`);
  if (!missed)
    lines.push(
      `The last ${policy.beatName} came ${seconds(silenceMs)} before the drop; ${policy.description}: the heartbeat was on schedule until the connection dropped.`,
    );
  if (missed && selfClose && !drop)
    lines.push('A client library closes its socket without a code like this when its heartbeat times out.');
  return {
    verdict: missed ? 'missed' : 'on-time',
    silenceMs,
    unansweredPingAt: unanswered?.at ?? null,
    policy,
    text: lines.join(' '),
  };
}
