import type { CloseLog, CloseLogSocket } from '../../export/close-log-schema';

/**
 * One socket in a report, whatever file it came from: what is known of its close and the
 * explanation. A HAR may not say how a socket closed: then `code` is null and the explanation
 * says why; a code the file did not hold but the facts imply (a failed connection is always
 * 1006 to the page) is marked `inferred`.
 */
export interface ReportRow {
  url: string;
  state: string;
  code: number | null;
  inferred: boolean;
  name: string;
  reason: string;
  wasClean: boolean | null;
  initiator: string | null;
  abnormal: boolean;
  injected: boolean;
  explanation: string;
  /**
   * What the application protocol said last, before the close, as "<protocol> said: <explanation>"
   * (an MQTT DISCONNECT, a Socket.IO disconnect...); null when it said nothing or is not known.
   */
  application: string | null;
}

/** A file read for a report: what kind it was, its sockets, and what it says about its secrets. */
export interface Report {
  kind: string;
  rows: ReportRow[];
  /** Said of the input file: a close log records whether its secrets were redacted. */
  redaction: CloseLog['redaction'];
  /** Why some codes are unknown, for files that do not record closes. */
  note: string | null;
}

export function closeLogRow(s: CloseLogSocket): ReportRow {
  const c = s.close;
  return {
    url: s.url,
    state: s.state,
    code: c?.code ?? null,
    inferred: false,
    name: c?.name ?? '',
    reason: c?.reason ?? '',
    wasClean: c?.wasClean ?? null,
    initiator: c?.initiator ?? null,
    abnormal: c?.abnormal ?? false,
    injected: c?.injected ?? false,
    explanation: c?.explanation ?? `Still ${s.state} when the log was taken.`,
    application: c?.application
      ? applicationSaid(s.appProtocol?.name ?? c.application.protocol, c.application.explanation)
      : null,
  };
}

/** The application's goodbye in one cell: which protocol said it, and what it means. */
export function applicationSaid(protocol: string, explanation: string): string {
  return `${protocol} said: ${explanation}`;
}

export function closeLogReport(log: CloseLog, kind: string): Report {
  return { kind, rows: log.sockets.map(closeLogRow), redaction: log.redaction, note: null };
}
