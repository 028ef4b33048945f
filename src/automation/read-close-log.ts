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
 * A frame of Playwright or Puppeteer, or anything that evaluates an expression in a document:
 * an expression, not a function, so no runner's or loader's rewriting of functions matters.
 */
export interface FrameLike {
  evaluate(expression: string): Promise<unknown>;
}
/** A page (its frames) or a browser context (its pages' frames). */
export type CloseLogTarget = { frames(): FrameLike[] } | { pages(): { frames(): FrameLike[] }[] };

/**
 * Run in a document (any frame): asks the recorder for its whole history over the page channel
 * the extension's relay uses, and returns the recorder's answer as one JSON string (a list,
 * empty when no recorder runs there), which every client returns as it is. The recorder answers
 * a sync request synchronously.
 */
export const SNAPSHOT_SCRIPT = `(() => {
  const parts = [];
  const collect = (e) => { if (typeof e.detail === 'string') parts.push(e.detail); };
  document.addEventListener(${JSON.stringify(PAGE_TO_RELAY)}, collect);
  try {
    document.dispatchEvent(new CustomEvent(${JSON.stringify(RELAY_TO_PAGE)}, { detail: ${JSON.stringify(JSON.stringify(SYNC_REQUEST))} }));
  } finally {
    document.removeEventListener(${JSON.stringify(PAGE_TO_RELAY)}, collect);
  }
  return JSON.stringify(parts);
})()`;

export const NO_RECORDER =
  'No WebSocket recorder answered in this page: add the recorder before the page loads ' +
  '(Playwright: the closeLog fixture, or context.addInitScript({ path: RECORDER_PATH }); ' +
  'Puppeteer: await recordCloses(page) before page.goto; WebDriver BiDi: a preload script of RECORDER_SOURCE).';

/**
 * The close log from what SNAPSHOT_SCRIPT returned in each document (what any client returned,
 * anything else is skipped), validated with the
 * extension's own page-message schemas (a page can put anything on the channel). Null when no
 * recorder answered at all.
 */
export function closeLogFromAnswers(answers: unknown[], options: CloseLogOptions = {}): CloseLog | null {
  const sockets = new Map<string, SocketSummary & { messages: MessageRecord[] }>();
  let answered = 0;
  for (const answer of answers) {
    for (const part of answerParts(answer)) {
      const parsed = typeof part === 'string' ? parsePageMessage(part) : null;
      if (!parsed?.ok || parsed.message.type !== 'snapshot') continue;
      answered++;
      const { doc } = parsed.message;
      for (const s of parsed.message.sockets) sockets.set(s.id, { ...s, messages: [] });
      for (const m of parsed.message.messages) sockets.get(socketId(doc, m.socket))?.messages.push(m);
    }
  }
  return answered === 0 ? null : buildCloseLog(sockets.values(), new Date(), options);
}

/** One document's answer to SNAPSHOT_SCRIPT: the recorder's messages; none for anything else. */
function answerParts(answer: unknown): unknown[] {
  if (typeof answer !== 'string') return [];
  try {
    const parts: unknown = JSON.parse(answer);
    return Array.isArray(parts) ? parts : [];
  } catch {
    return [];
  }
}

/**
 * The close log of every frame of a page (or of every page of a browser context), the one the
 * panel would export: redacted unless `options.redaction` says otherwise.
 */
export async function readCloseLog(target: CloseLogTarget, options: CloseLogOptions = {}): Promise<CloseLog> {
  const frames = 'pages' in target ? target.pages().flatMap((p) => p.frames()) : target.frames();
  const answers = await Promise.all(
    // A frame detached while we asked, or one we may not script, has nothing to say.
    frames.map((f) => f.evaluate(SNAPSHOT_SCRIPT).catch(() => null)),
  );
  const log = closeLogFromAnswers(answers, options);
  if (!log) throw new Error(NO_RECORDER);
  return log;
}

/** Closes that are real faults (a close a tester injected is never abnormal). */
export function abnormalCloses(log: CloseLog): CloseLogSocket[] {
  return log.sockets.filter((s) => s.close?.abnormal);
}
