import type { CloseCodeInfo, CloseExplanation } from '../../close-codes/types';
import type { AppCloseInfo, HeartbeatVerdict, Protocol, ProtocolCloseCode } from '../../protocols';
import { seconds } from '../../protocols/shared/text';

/** A close explained with what the socket's application protocol adds to it. */
export interface AppAwareExplanation extends CloseExplanation {
  /** The socket's protocol, when known. */
  protocol: Protocol | null;
  /** The protocol's own meaning of the code: `info` says it in place of the generic text. */
  protocolCode: ProtocolCloseCode | null;
  /** The generic text of the code that `protocolCode` took precedence over. */
  generic: CloseCodeInfo;
  /** What the application layer said before the close; null when its messages were not decoded. */
  app: AppCloseInfo | null;
}

/**
 * The generic explanation of a close, made specific by the socket's protocol: a code the protocol
 * defines is named and explained as the protocol means it (the generic range text stays beside it
 * as `generic`), and a drop, or the page's own code-less close, that followed the protocol's
 * missed heartbeats says so in its headline. A close the tester injected stays the tester's.
 */
export function withAppProtocol(
  x: CloseExplanation,
  protocol: Protocol | null,
  code: ProtocolCloseCode | null,
  app: AppCloseInfo | null,
): AppAwareExplanation {
  const plain = { ...x, protocol, protocolCode: null, generic: x.info, app };
  if (protocol === null || x.initiator === 'tester') return plain;
  let { info, headline } = x;
  if (code !== null) {
    info = protocolInfo(x.info, protocol, code);
    headline = codeHeadline(x, protocol, code);
  }
  const verdict = app?.heartbeat;
  if (verdict?.verdict === 'missed') headline = heartbeatHeadline(x, verdict) ?? headline;
  return { ...plain, info, headline, protocolCode: code };
}

function protocolInfo(info: CloseCodeInfo, protocol: Protocol, code: ProtocolCloseCode): CloseCodeInfo {
  const cause = `${protocol.name}: ${code.meaning}.`;
  const next = code.retry === undefined ? [] : [`What the client does next: ${code.retry}.`];
  // A standard code keeps its general causes and checks; an app-defined one's are about finding
  // out what the code means, which the protocol has now said.
  const standard = info.range === 'standard';
  return {
    ...info,
    name: code.name,
    summary: `${code.name} (${protocol.shortName})`,
    meaning: `${capitalised(code.meaning)}.`,
    sentBy: `${capitalised(code.sentBy)}.`,
    causes: standard ? [cause, ...info.causes] : [cause],
    checks: standard
      ? [...next, ...info.checks]
      : [...next, 'Read the close reason: it often holds the details.'],
  };
}

function codeHeadline(x: CloseExplanation, protocol: Protocol, code: ProtocolCloseCode): string {
  const what = `${code.code} ${code.name} (${protocol.shortName}): ${code.meaning}`;
  if (x.initiator === 'server') return `Server closed with ${what}`;
  if (x.initiator === 'page') return `Page closed with ${what}`;
  return x.headline;
}

function heartbeatHeadline(x: CloseExplanation, v: HeartbeatVerdict): string | null {
  const why =
    v.unansweredPingAt !== null
      ? 'a ping went unanswered'
      : `no ${v.policy.beatName} for ${seconds(v.silenceMs)}`;
  if (x.initiator === 'network') return `Connection dropped after missed heartbeats: ${why}`;
  if (x.initiator === 'page') return `Page closed the socket after missed heartbeats: ${why}`;
  return null;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
