import type { PreviewLimits } from '../../log/preview-limits';
import { DEFAULT_PREVIEW_LIMITS } from '../../log/preview-limits';
import { COLUMNS } from './columns';
import type { ColumnChoices } from './columns';
import { validChoices } from './decode-as';
import type { DecodeAsChoices } from './decode-as';

/** What the panel remembers between sessions (in its own localStorage). */
export interface Preferences {
  limits: PreviewLimits;
  /** Share of the main area given to the socket list when the details pane is open, 0.15-0.85. */
  splitRatio: number;
  showTimeline: boolean;
  /** The timeline's height in pixels, as the user dragged it. */
  timelineHeight: number;
  columns: ColumnChoices;
  /** Log what the panel does to the console. */
  debug: boolean;
  /** "Decode as": the user's protocol for an endpoint, over what detection says. */
  decodeAs: DecodeAsChoices;
  /** The user's list of secret names for redaction; null: the built-in list. */
  secretNames: string[] | null;
  /** Messages the log hides, each a text or a /regex/ (see message-filter.ts). */
  hideRules: string[];
}

export const DEFAULT_PREFERENCES: Preferences = {
  limits: DEFAULT_PREVIEW_LIMITS,
  splitRatio: 0.5,
  showTimeline: true,
  timelineHeight: 140,
  columns: {},
  debug: false,
  decodeAs: {},
  secretNames: null,
  hideRules: [],
};

export const TIMELINE_HEIGHT = { min: 48, max: 600 } as const;

const KEY = 'websocket-close-inspector.preferences';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const count = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
const within = (v: unknown, min: number, max: number, fallback: number) =>
  typeof v === 'number' && v >= min && v <= max ? v : fallback;

/** Reads saved preferences; anything missing, malformed or out of range falls back to the default. */
export function loadPreferences(storage: Pick<Storage, 'getItem'>): Preferences {
  let saved: unknown = {};
  try {
    saved = JSON.parse(storage.getItem(KEY) ?? '{}');
  } catch {
    // Corrupt or unreadable: the defaults are the answer.
  }
  const s = isRecord(saved) ? saved : {};
  const limits = isRecord(s.limits) ? s.limits : {};
  const d = DEFAULT_PREFERENCES;
  return {
    limits: {
      perSocket: count(limits.perSocket, d.limits.perSocket),
      total: count(limits.total, d.limits.total),
      totalChars: count(limits.totalChars, d.limits.totalChars),
    },
    splitRatio: within(s.splitRatio, 0.15, 0.85, d.splitRatio),
    showTimeline: typeof s.showTimeline === 'boolean' ? s.showTimeline : d.showTimeline,
    timelineHeight: within(s.timelineHeight, TIMELINE_HEIGHT.min, TIMELINE_HEIGHT.max, d.timelineHeight),
    columns: columnChoices(s.columns),
    debug: s.debug === true,
    decodeAs: validChoices(s.decodeAs),
    secretNames: nameList(s.secretNames),
    hideRules: nameList(s.hideRules) ?? [],
  };
}

/**
 * Up to 200 names (or hide rules) of up to 100 characters: a list to edit, not a place to store
 * data.
 */
function nameList(v: unknown): string[] | null {
  if (!Array.isArray(v) || v.length > 200) return null;
  const names = v.filter((n): n is string => typeof n === 'string' && n.length > 0 && n.length <= 100);
  return names.length === v.length ? names : null;
}

function columnChoices(v: unknown): ColumnChoices {
  if (!isRecord(v)) return {};
  const out: ColumnChoices = {};
  for (const { id } of COLUMNS) if (typeof v[id] === 'boolean') out[id] = v[id];
  return out;
}

/** Saves preferences; the error text when the browser refuses (storage full or denied). */
export function savePreferences(storage: Pick<Storage, 'setItem'>, preferences: Preferences): string | null {
  try {
    storage.setItem(KEY, JSON.stringify(preferences));
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
