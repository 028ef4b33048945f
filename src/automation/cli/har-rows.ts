import { explainClose } from '../../close-codes';
import { describeHandshakeReport, isSpecificFailure } from '../../close-codes/handshake-report';
import type { HarSocket } from '../../import/devtools-har';
import type { ReportRow } from './report-row';

/**
 * A DevTools HAR socket explained with what the HAR holds. A close frame, when there is one,
 * is explained like any close; a handshake that failed or a connection the browser failed is
 * always a 1006 to the page (WHATWG "fail the WebSocket connection"); a socket that opened and
 * left no close frame has no known code.
 */
export function harRow(s: HarSocket, tool: string): ReportRow {
  // DevTools' own HARs hold no decoding: no application goodbye.
  const base = { url: s.url, reason: '', injected: false, application: null };
  if (s.closeFrame) {
    const { code, reason, sentByPage } = s.closeFrame;
    const x = explainClose({
      code,
      reason,
      wasClean: true,
      opened: true,
      errored: false,
      closeCall: sentByPage ? { code, reason } : null,
    });
    return {
      ...base,
      state: 'closed',
      code,
      inferred: false,
      name: x.info.name,
      reason,
      wasClean: null,
      initiator: x.initiator,
      abnormal: x.abnormal,
      explanation: x.headline,
    };
  }
  const opened = s.status === 101;
  if (!opened || s.error !== null) {
    const x = explainClose({
      code: 1006,
      reason: '',
      wasClean: false,
      opened,
      errored: true,
      closeCall: null,
    });
    return {
      ...base,
      state: 'closed',
      code: 1006,
      inferred: true,
      name: x.info.name,
      wasClean: false,
      initiator: x.initiator,
      abnormal: true,
      explanation: opened
        ? `${x.headline}. ${tool} logged: ${s.error ?? ''}`
        : handshakeFailure(s, x.headline),
    };
  }
  return {
    ...base,
    state: 'unknown',
    code: null,
    inferred: false,
    name: '',
    wasClean: null,
    initiator: null,
    abnormal: false,
    explanation: `Opened (101). ${tool}'s HAR records no close frame, so how it closed is unknown.`,
  };
}

/** What the HAR says of a failed handshake: the status, or the error Chromium logged (it names the status). */
function handshakeFailure(s: HarSocket, headline: string): string {
  const logged = s.error ?? '';
  const status = s.status > 0 ? s.status : Number(/response code: (\d{3})/.exec(logged)?.[1] ?? 0);
  const report = {
    requestId: '',
    frameId: 0,
    url: s.url,
    at: s.startedAt,
    statusCode: status > 0 ? status : null,
    statusLine: s.status > 0 && s.statusText ? `HTTP/1.1 ${s.status} ${s.statusText}` : null,
    error: /net::[A-Z_]+/.exec(logged)?.[0] ?? (logged || null),
  };
  return isSpecificFailure(report)
    ? `Handshake failed, never opened: ${describeHandshakeReport(report)}`
    : headline;
}
