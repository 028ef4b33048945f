import { signal } from '@preact/signals';

/** Where a failure was seen. */
export type DiagnosticSource =
  'link' | 'storage' | 'background' | 'recorder' | 'view' | 'import' | 'clipboard';

export interface DiagnosticEntry {
  at: number;
  source: DiagnosticSource;
  message: string;
  /** A stack or the raw error, for "Copy diagnostics". */
  detail: string | null;
}

/** Failures kept for the panel's diagnostics: the newest, enough to report a bug. */
const MAX_ENTRIES = 100;

/**
 * Failures the panel saw, kept so they are shown and can be copied into a bug report instead of
 * vanishing in a catch; and the debug switch, which logs what the panel does to the console.
 */
export class Diagnostics {
  readonly entries = signal<readonly DiagnosticEntry[]>([]);
  debug = false;

  constructor(private readonly now: () => number) {}

  report(source: DiagnosticSource, message: string, error?: unknown): void {
    const detail = error === undefined ? null : errorText(error);
    this.entries.value = [...this.entries.value, { at: this.now(), source, message, detail }].slice(
      -MAX_ENTRIES,
    );
    console.warn(
      `[WebSocket Close Inspector] ${source}: ${message}`,
      ...(error === undefined ? [] : [error]),
    );
  }

  /** With the debug switch on, a line in the console for what the panel just did. */
  log(message: string, data?: unknown): void {
    if (this.debug)
      console.debug(`[WebSocket Close Inspector] ${message}`, ...(data === undefined ? [] : [data]));
  }

  dismiss(): void {
    this.entries.value = [];
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
