/** UI hint from close-codes.md: ok = expected end, warn = retry/app-defined, error = something broke. */
export type Severity = 'ok' | 'warn' | 'error';

/** Where a code sits in the RFC 6455 / IANA code space. */
export type CodeRange =
  | 'unused' // 0-999
  | 'standard' // 1000-1015, registered by RFC 6455 and later IETF/IANA actions
  | 'reserved' // 1016-2999
  | 'registered' // 3000-3999 (IANA first-come-first-served)
  | 'private' // 4000-4999
  | 'invalid'; // 5000+

/** What is known about one close code, independent of any particular close. */
export interface CloseCodeInfo {
  code: number;
  /** IANA name, or a range label such as "Private use" for unnamed codes. */
  name: string;
  range: CodeRange;
  severity: Severity;
  /** One plain-language line for the table. */
  summary: string;
  meaning: string;
  sentBy: string;
  causes: string[];
  checks: string[];
  /** 1005, 1006, 1015: reported locally only, must never appear in a close frame. */
  localOnly: boolean;
  /** Whether `WebSocket.close(code)` accepts it (1000 and 3000-4999). */
  pageMaySend: boolean;
}

/** Who ended the connection, as far as the page's own events can tell. */
export type Initiator =
  | 'page' // the page called close() before the close event
  | 'server' // a close frame arrived without the page asking
  | 'browser' // the browser failed the connection (error event): handshake or protocol failure
  | 'network' // the connection vanished after open, no close frame and no error event
  | 'tester'; // a tester's fault control in the panel: never a real close

/** The facts of one observed close, as the page saw them. */
export interface CloseFacts {
  code: number;
  reason: string;
  wasClean: boolean;
  /** The socket reached the `open` event. */
  opened: boolean;
  /** An `error` event fired before the close event. */
  errored: boolean;
  /** The page's own close() call before the close event, if any. */
  closeCall: { code: number | null; reason: string | null } | null;
  /** A tester's fault control ended the socket (panel "Close socket" or "Simulate drop"). */
  injected?: { action: 'close' | 'drop'; code: number | null; reason: string | null } | null;
}

/** A close explained in context: what the panel and the export say about it. */
export interface CloseExplanation {
  info: CloseCodeInfo;
  initiator: Initiator;
  /** Unclean, or an error-severity code: the rows that must stand out. Never for injected closes. */
  abnormal: boolean;
  /** One line for the table, specific to this close (e.g. "Handshake failed: never opened"). */
  headline: string;
  /** Paragraphs about this particular close; the code's generic knowledge is in `info`. */
  context: string[];
}

/** The descriptive part of CloseCodeInfo: what the code table and the range defaults supply. */
export type CodeText = Pick<
  CloseCodeInfo,
  'name' | 'severity' | 'summary' | 'meaning' | 'sentBy' | 'causes' | 'checks'
>;
