import { isAbnormal } from '../close-codes/is-abnormal';
import type { SocketState } from '../protocol/socket-summary';
import { OrdinalScans } from './ordinal-scan';
import type { PreviewLog } from './preview-log';
import type { MessageRecord, SocketRecord } from './socket-record';

/** The filter bar. Filtering only hides: clearing it shows everything again. */
export interface SocketFilter {
  /** Substring of the URL (or of the URL of the worker it lives in), any case. */
  url: string;
  state: SocketState | 'all';
  /** Close codes: "1006", "1000-1015", "4000-4999, 1006"; empty for all. */
  codes: string;
  abnormalOnly: boolean;
  /** Full-text search in message previews, any case; sockets without a match are hidden. */
  search: string;
}

export const NO_FILTER: SocketFilter = { url: '', state: 'all', codes: '', abnormalOnly: false, search: '' };

export function isFilterActive(filter: SocketFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof SocketFilter)[]).some((k) => filter[k] !== NO_FILTER[k]);
}

export type CodeMatcher = (code: number) => boolean;

/** Parses the codes field; an error text for anything that is not codes or ranges. */
export function parseCodes(
  spec: string,
): { ok: true; match: CodeMatcher | null } | { ok: false; error: string } {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: true, match: null };
  const ranges: [number, number][] = [];
  for (const part of parts) {
    const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not a code or a range like 4000-4999` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { ok: false, error: `"${part}" runs backwards` };
    ranges.push([from, to]);
  }
  return { ok: true, match: (code) => ranges.some(([from, to]) => code >= from && code <= to) };
}

function messageMatches(m: MessageRecord, needle: string): boolean {
  return m.preview !== null && m.preview.toLowerCase().includes(needle);
}

const searched = new OrdinalScans();

/**
 * Which retained previews of the log contain the search text (any case), as lifetime ordinals
 * (`log.atOrdinal(o)`). Remembered per socket, so each preview is read once per search text,
 * not on every render of a live stream.
 */
export function matchingOrdinals(log: PreviewLog, search: string): readonly number[] {
  const needle = search.toLowerCase();
  return searched.find(log.storage, needle, log, log.pushed, (o) => {
    const m = log.atOrdinal(o);
    return m !== undefined && messageMatches(m, needle);
  });
}

/** A worker's URL counts too: "sw.js" finds the service worker's sockets. */
function urlMatches(s: SocketRecord, text: string): boolean {
  return s.url.toLowerCase().includes(text) || (s.worker?.url.toLowerCase().includes(text) ?? false);
}

/** Whether a socket passes the filter bar, the message search aside. */
export function socketMatches(s: SocketRecord, filter: SocketFilter, codes: CodeMatcher | null): boolean {
  if (filter.url && !urlMatches(s, filter.url.toLowerCase())) return false;
  if (filter.state !== 'all' && s.state !== filter.state) return false;
  if (codes && (!s.close || !codes(s.close.code))) return false;
  if (filter.abnormalOnly && !(s.close && isAbnormal({ ...s.close, injected: s.injected !== null })))
    return false;
  return true;
}
