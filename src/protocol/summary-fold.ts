import type { RecorderEvent, RecorderEventOf } from './recorder-events';
import type { SocketSummary } from './socket-summary';

/**
 * How events fold into a socket's summary: the page's history and the panel's store apply the
 * same rules, so both import them from here. Written for the page world (no built-in calls).
 */

/** `${doc}:${socket}`: unique per tab across frames and reloads. */
export function socketId(doc: string, socket: number): string {
  return `${doc}:${socket}`;
}

/** The tester's counts of a socket the tester has not touched. */
export function noTesterTraffic(): SocketSummary['tester'] {
  return { sent: { messages: 0, bytes: 0 }, injected: { messages: 0, bytes: 0 } };
}

/** A fresh summary for a `created` event. */
export function summaryFromCreated(doc: string, e: RecorderEventOf<'created'>): SocketSummary {
  return {
    id: socketId(doc, e.socket),
    doc,
    socket: e.socket,
    frameUrl: e.frameUrl,
    url: e.url,
    protocols: e.protocols,
    createdAt: e.t,
    openedAt: null,
    closedAt: null,
    protocol: null,
    extensions: null,
    state: 'connecting',
    sent: { messages: 0, bytes: 0 },
    received: { messages: 0, bytes: 0 },
    tester: noTesterTraffic(),
    errorAt: null,
    closeCall: null,
    close: null,
    injected: null,
  };
}

/** Applies one lifecycle or message event to its socket's summary (not `created`). */
export function applyToSummary(s: SocketSummary, e: RecorderEvent): void {
  switch (e.type) {
    case 'created':
    case 'held':
    case 'released':
      return;
    case 'open':
      s.openedAt = e.t;
      s.protocol = e.protocol;
      s.extensions = e.extensions;
      if (s.state === 'connecting') s.state = 'open';
      return;
    case 'message': {
      const traffic = trafficOf(s, e.dir === 'sent', e.tester === true);
      traffic.messages += 1;
      traffic.bytes += e.size;
      if (e.intercept) s.intercepted = (s.intercepted ?? 0) + 1;
      return;
    }
    case 'error':
      s.errorAt ??= e.t;
      return;
    case 'close-call':
      s.closeCall ??= { code: e.code, reason: e.reason, at: e.t };
      if (s.state !== 'closed') s.state = 'closing';
      return;
    case 'injected':
      s.injected ??= { action: e.action, code: e.code, reason: e.reason, at: e.t };
      if (s.state !== 'closed') s.state = 'closing';
      return;
    case 'closed':
      s.close = { code: e.code, reason: e.reason, wasClean: e.wasClean, at: e.t };
      s.closedAt = e.t;
      s.state = 'closed';
      return;
  }
}

/** The counter a message adds to: the page's own, or the tester's, each way. */
export function trafficOf(s: SocketSummary, sent: boolean, tester: boolean): SocketSummary['sent'] {
  if (tester) return sent ? s.tester.sent : s.tester.injected;
  return sent ? s.sent : s.received;
}
