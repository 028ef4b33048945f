import type { CloseLogOptions } from '../export/close-log';
import type { CloseLog, CloseLogSocket } from '../export/close-log-schema';
import { abnormalCloses, readCloseLog } from './read-close-log';
import type { CloseLogTarget } from './read-close-log';

/** What a matcher returns, in the form Playwright's, Jest's and Vitest's `expect.extend` share. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** One socket for a failure message: where, how it closed, and what that means. */
export function describeSocket(s: CloseLogSocket): string {
  const c = s.close;
  if (!c) return `  ${s.url}\n      still ${s.state}`;
  const reason = c.reason === '' ? 'no reason' : `reason ${JSON.stringify(c.reason)}`;
  return [
    `  ${s.url}`,
    `      ${c.code} ${c.name}, ${reason}, ${c.wasClean ? 'clean' : 'unclean'}, closed by ${c.initiator}`,
    `      ${c.explanation}`,
  ].join('\n');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** No socket of the page (or context) closed abnormally: the sockets that did are the message. */
export async function noAbnormalCloses(
  target: CloseLogTarget,
  options?: CloseLogOptions,
): Promise<MatcherResult> {
  const log = await readCloseLog(target, options);
  const abnormal = abnormalCloses(log);
  return {
    pass: abnormal.length === 0,
    message: () =>
      abnormal.length === 0
        ? `Expected an abnormal WebSocket close; all ${plural(log.sockets.length, 'socket')} closed normally or are open.`
        : `Expected no abnormal WebSocket closes; ${abnormal.length} of ${plural(log.sockets.length, 'socket')} closed abnormally:\n${abnormal.map(describeSocket).join('\n')}`,
  };
}

/** A URL test: a RegExp, or a string the URL contains. */
export type UrlPattern = string | RegExp;
const matches = (url: string, pattern: UrlPattern) =>
  typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url);

function closedWithResult(log: CloseLog, url: UrlPattern, code: number): MatcherResult {
  const candidates = log.sockets.filter((s) => matches(s.url, url));
  const hit = candidates.find((s) => s.close?.code === code);
  const seen =
    candidates.length === 0
      ? `no socket's URL matches ${String(url)} (${plural(log.sockets.length, 'socket')} in all)`
      : `the sockets matching ${String(url)}:\n${candidates.map(describeSocket).join('\n')}`;
  return {
    pass: hit !== undefined,
    message: () =>
      hit
        ? `Expected no socket matching ${String(url)} to close with ${code}, but one did:\n${describeSocket(hit)}`
        : `Expected a socket matching ${String(url)} to close with ${code}; ${seen}`,
  };
}

/**
 * A socket whose URL matches closed with `code`. Sockets close when they close: it asks again
 * until `timeout` ms have passed (not when negated: "has not closed with" is asked once).
 */
export async function closedWith(
  target: CloseLogTarget,
  url: UrlPattern,
  code: number,
  { timeout, negated, ...options }: CloseLogOptions & { timeout: number; negated: boolean },
): Promise<MatcherResult> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = closedWithResult(await readCloseLog(target, options), url, code);
    if (result.pass || negated || Date.now() >= deadline) return result;
    await new Promise((r) => setTimeout(r, 100));
  }
}
