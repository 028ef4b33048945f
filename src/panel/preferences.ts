import type { PreviewLimits } from '../log/preview-limits';
import { DEFAULT_PREVIEW_LIMITS } from '../log/preview-limits';

/** What the panel remembers between sessions (in its own localStorage). */
export interface Preferences {
  limits: PreviewLimits;
  splitRatio: number;
  showTimeline: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  limits: DEFAULT_PREVIEW_LIMITS,
  splitRatio: 0.5,
  showTimeline: true,
};
const KEY = 'websocket-close-inspector.preferences';

/** Reads saved preferences; anything missing, malformed or out of range falls back to the default. */
export function loadPreferences(storage: Pick<Storage, 'getItem'>): Preferences {
  let saved: Partial<Preferences> = {};
  try {
    saved = (JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<Preferences>) ?? {};
  } catch {
    // corrupt: defaults
  }
  const count = (v: unknown, fallback: number) =>
    Number.isInteger(v) && (v as number) > 0 ? (v as number) : fallback;
  const limits = saved.limits ?? DEFAULT_PREVIEW_LIMITS;
  return {
    limits: {
      perSocket: count(limits.perSocket, DEFAULT_PREVIEW_LIMITS.perSocket),
      total: count(limits.total, DEFAULT_PREVIEW_LIMITS.total),
      totalChars: count(limits.totalChars, DEFAULT_PREVIEW_LIMITS.totalChars),
    },
    splitRatio:
      typeof saved.splitRatio === 'number' && saved.splitRatio >= 0.15 && saved.splitRatio <= 0.85
        ? saved.splitRatio
        : DEFAULT_PREFERENCES.splitRatio,
    showTimeline:
      typeof saved.showTimeline === 'boolean' ? saved.showTimeline : DEFAULT_PREFERENCES.showTimeline,
  };
}

export function savePreferences(storage: Pick<Storage, 'setItem'>, preferences: Preferences): void {
  try {
    storage.setItem(KEY, JSON.stringify(preferences));
  } catch {
    // Storage full or denied: preferences just do not persist.
  }
}
