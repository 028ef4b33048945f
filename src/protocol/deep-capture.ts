/**
 * Deep capture (Chromium, opt-in per tab): the service worker's debugger session records the
 * sockets of the tab's workers with the same recorder, and reports what Chromium tells DevTools
 * but not extensions about the tab's own sockets.
 */

/** The kind of worker a socket lives in; absent for sockets of the page's documents. */
export type WorkerKind = 'dedicated' | 'shared' | 'service';
export const WORKER_KINDS: readonly WorkerKind[] = ['dedicated', 'shared', 'service'];

export interface WorkerInfo {
  kind: WorkerKind;
  /** The worker script's URL. */
  url: string;
}

/**
 * What Chromium's DevTools protocol said about one socket beyond what the page saw: the status
 * of an upgrade it refused, and Chromium's own words for a connection it failed
 * (`Network.webSocketFrameError`), e.g. that the server's close frame carried a reserved code.
 */
export interface WireReport {
  /** CDP's request id, unique within its session. */
  requestId: string;
  url: string;
  /** Epoch milliseconds, when the service worker heard of it. */
  at: number;
  /** The upgrade response's HTTP status, when it was not 101. */
  statusCode: number | null;
  /** The status line's reason phrase and the response headers, when Chromium sent them. */
  statusText: string | null;
  headers: readonly { readonly name: string; readonly value: string }[] | null;
  /** Chromium's message for the failure, as it wrote it to the console. */
  error: string | null;
}

/** A tab's deep capture as the background knows it, sent to its panels on every change. */
export interface DeepCaptureState {
  on: boolean;
  /** Workers whose sockets are being recorded. */
  workers: readonly WorkerInfo[];
  /** Why it went off (or could not go on), in words for the panel; null when the user switched it. */
  reason: string | null;
}

export const DEEP_CAPTURE_OFF: DeepCaptureState = { on: false, workers: [], reason: null };

export function isWorkerInfo(x: unknown): x is WorkerInfo {
  if (typeof x !== 'object' || x === null) return false;
  const w = x as Record<string, unknown>;
  return typeof w.url === 'string' && WORKER_KINDS.some((k) => k === w.kind);
}
