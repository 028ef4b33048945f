import { heartbeatOrdinals } from './heartbeats';
import type { PreviewLog } from './preview-log';
import type { MessageRecord } from './socket-record';

/** The message log's own filters: they hide rows, never messages from counts or exports. */
export interface MessageFilter {
  /** Text in the preview (any case), or a regular expression written /…/flags. */
  text: string;
  /** Show the messages the text does not match instead. */
  invert: boolean;
  dir: 'all' | 'sent' | 'received';
  kind: 'all' | 'text' | 'binary';
  /** Size in bytes: "100-500", "1000-" (at least), "-64" (at most), or one size. */
  size: string;
  /** Collapse ping/pong-like traffic into a count. */
  hideHeartbeats: boolean;
}

export const NO_MESSAGE_FILTER: MessageFilter = {
  text: '',
  invert: false,
  dir: 'all',
  kind: 'all',
  size: '',
  hideHeartbeats: false,
};

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A text or /regex/flags as a test of a preview; null for an empty one. */
export function parsePattern(spec: string): Parsed<((m: MessageRecord) => boolean) | null> {
  const trimmed = spec.trim();
  if (trimmed === '') return { ok: true, value: null };
  const re = /^\/(.+)\/([a-z]*)$/s.exec(trimmed);
  if (re) {
    try {
      const pattern = new RegExp(re[1] ?? '', (re[2] ?? '').replace(/[gy]/g, ''));
      return { ok: true, value: (m) => m.preview !== null && pattern.test(m.preview) };
    } catch (e) {
      return { ok: false, error: `${trimmed} is no regular expression: ${(e as Error).message}` };
    }
  }
  const needle = trimmed.toLowerCase();
  return { ok: true, value: (m) => m.preview !== null && m.preview.toLowerCase().includes(needle) };
}

/** "min-max" bytes, either end optional; null for no limit. */
export function parseSizeRange(spec: string): Parsed<{ min: number; max: number } | null> {
  const trimmed = spec.trim();
  if (trimmed === '') return { ok: true, value: null };
  const m = /^(\d*)\s*(-?)\s*(\d*)$/.exec(trimmed);
  if (!m || (m[1] === '' && m[3] === ''))
    return { ok: false, error: `"${trimmed}" is not a size like 10-500` };
  const min = m[1] === '' ? 0 : Number(m[1]);
  const max = m[3] === '' ? (m[2] ? Infinity : min) : Number(m[3]);
  if (max < min) return { ok: false, error: `"${trimmed}" runs backwards` };
  return { ok: true, value: { min, max } };
}

export interface MessageFilterResult {
  /** Lifetime ordinals of the previews to show, oldest first. */
  ordinals: readonly number[];
  /** Why the others are hidden: each message counts once, in the first that applies. */
  hidden: { heartbeats: number; rules: number; filters: number };
  /** What is wrong with a field, when one cannot be read (it is then ignored). */
  errors: string[];
}

/**
 * The previews the log shows, and how many each cause hides: heartbeats (when collapsed), the
 * user's hide rules, then the search and the filters.
 */
export function filterMessages(
  log: PreviewLog,
  filter: MessageFilter,
  hideRules: readonly string[],
  search: string,
): MessageFilterResult {
  const errors: string[] = [];
  const valid = <T>(p: Parsed<T>): T | null => (p.ok ? p.value : (errors.push(p.error), null));
  const text = valid(parsePattern(filter.text));
  const size = valid(parseSizeRange(filter.size));
  const rules = hideRules.flatMap((r) => valid(parsePattern(r)) ?? []);
  const needle = search.trim().toLowerCase();
  const heartbeats = filter.hideHeartbeats ? heartbeatOrdinals(log) : null;
  const shown = (m: MessageRecord) =>
    (needle === '' || (m.preview !== null && m.preview.toLowerCase().includes(needle))) &&
    (text === null || text(m) !== filter.invert) &&
    (filter.dir === 'all' || m.dir === filter.dir) &&
    (filter.kind === 'all' || m.kind === filter.kind) &&
    (size === null || (m.size >= size.min && m.size <= size.max));
  const hidden = { heartbeats: 0, rules: 0, filters: 0 };
  const ordinals: number[] = [];
  for (let o = log.dropped; o < log.pushed; o++) {
    const m = log.atOrdinal(o);
    if (!m) continue;
    if (heartbeats?.has(o)) hidden.heartbeats++;
    else if (rules.some((r) => r(m))) hidden.rules++;
    else if (!shown(m)) hidden.filters++;
    else ordinals.push(o);
  }
  return { ordinals, hidden, errors };
}

export function isMessageFilterActive(filter: MessageFilter, hideRules: readonly string[]): boolean {
  return (
    hideRules.length > 0 ||
    (Object.keys(NO_MESSAGE_FILTER) as (keyof MessageFilter)[]).some(
      (k) => filter[k] !== NO_MESSAGE_FILTER[k],
    )
  );
}

/**
 * How many of the filters besides the text search are set (direction, kind, size, heartbeats,
 * and each hide rule): what a short panel, which folds them away, says on their button.
 */
export function extraFiltersSet(filter: MessageFilter, hideRules: readonly string[]): number {
  return (
    (filter.dir !== NO_MESSAGE_FILTER.dir ? 1 : 0) +
    (filter.kind !== NO_MESSAGE_FILTER.kind ? 1 : 0) +
    (filter.size.trim() !== '' ? 1 : 0) +
    (filter.hideHeartbeats ? 1 : 0) +
    hideRules.length
  );
}
