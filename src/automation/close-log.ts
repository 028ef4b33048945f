import { resolve } from 'node:path';
import { buildCloseLog } from '../export/close-log';
import type { CloseLogOptions } from '../export/close-log';
import type { CloseLog, CloseLogSocket } from '../export/close-log-schema';
import { socketId } from '../protocol/summary-fold';
import type { MessageRecord } from '../log/socket-record';
import { PAGE_TO_RELAY, RELAY_TO_PAGE } from '../protocol/envelope';
import { parsePageMessage } from '../protocol/page-messages';
import type { SocketSummary } from '../protocol/socket-summary';
import { SYNC_REQUEST } from '../protocol/sync-request';

/**
 * The close log in your own Playwright tests, without the extension:
 *
 *   await context.addInitScript({ path: RECORDER_SCRIPT });   // before the page loads
 *   ...run the flow...
 *   const log = await readCloseLog(page);
 *   expect(abnormalCloses(log)).toEqual([]);
 *
 * The recorder bundle (dist/recorder.js, built by `npm run build`) is the extension's own
 * MAIN-world script, so the log is the one the panel would export.
 */
export const RECORDER_SCRIPT = resolve(import.meta.dirname, '../../dist/recorder.js');

/** The part of a Playwright Frame used here: the same in @playwright/test and playwright-core. */
export interface FrameLike {
  evaluate<R, Arg>(fn: (arg: Arg) => R, arg: Arg): Promise<R>;
}
export interface PageLike {
  frames(): FrameLike[];
}

/**
 * Asks the recorder of every frame of the page for its whole history, over the same page channel
 * the extension's relay uses (the recorder answers a sync request synchronously), validates the
 * answers with the extension's own schemas, and builds the close log from them.
 */
export async function readCloseLog(page: PageLike, options: CloseLogOptions = {}): Promise<CloseLog> {
  const sockets = new Map<string, SocketSummary & { messages: MessageRecord[] }>();
  let answered = 0;
  for (const frame of page.frames()) {
    let parts: string[];
    try {
      parts = await frame.evaluate(askRecorder, [
        RELAY_TO_PAGE,
        PAGE_TO_RELAY,
        JSON.stringify(SYNC_REQUEST),
      ] as const);
    } catch {
      continue; // detached while we asked, or a frame we may not script
    }
    for (const part of parts) {
      const parsed = parsePageMessage(part);
      if (!parsed.ok || parsed.message.type !== 'snapshot') continue;
      answered++;
      const { doc } = parsed.message;
      for (const s of parsed.message.sockets) sockets.set(s.id, { ...s, messages: [] });
      for (const m of parsed.message.messages) sockets.get(socketId(doc, m.socket))?.messages.push(m);
    }
  }
  if (answered === 0) {
    throw new Error(
      `No WebSocket recorder answered in this page: add it with context.addInitScript({ path: '${RECORDER_SCRIPT}' }) before the page loads (and run \`npm run build\` first).`,
    );
  }
  return buildCloseLog(sockets.values(), new Date(), options);
}

/** Closes that are real faults (a close a tester injected is never abnormal). */
export function abnormalCloses(log: CloseLog): CloseLogSocket[] {
  return log.sockets.filter((s) => s.close?.abnormal);
}

/**
 * Runs in the page: sends the sync request and collects what the recorder answers, at once. The
 * listener is an object with `handleEvent`, not a named function: tools that keep function names
 * (esbuild's keepNames, used by tsx) wrap those in a helper the page does not have.
 */
function askRecorder([toPage, toRelay, request]: readonly [string, string, string]): string[] {
  const collector = {
    parts: [] as string[],
    handleEvent(e: Event) {
      const detail: unknown = (e as CustomEvent<unknown>).detail;
      if (typeof detail === 'string') this.parts.push(detail);
    },
  };
  document.addEventListener(toRelay, collector);
  try {
    document.dispatchEvent(new CustomEvent(toPage, { detail: request }));
  } finally {
    document.removeEventListener(toRelay, collector);
  }
  return collector.parts;
}
