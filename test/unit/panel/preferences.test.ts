import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, loadPreferences, savePreferences } from '../../../src/panel/preferences';

const storage = (value: string | null) => ({ getItem: () => value });

describe('preferences', () => {
  it('round-trips what was saved', () => {
    let saved = '';
    const prefs = {
      ...DEFAULT_PREFERENCES,
      splitRatio: 0.3,
      showTimeline: false,
      limits: { perSocket: 10, total: 20, totalChars: 30 },
    };
    savePreferences({ setItem: (_k, v) => (saved = v) }, prefs);
    expect(loadPreferences(storage(saved))).toEqual(prefs);
  });

  it('falls back to defaults for anything missing, corrupt or out of range', () => {
    expect(loadPreferences(storage(null))).toEqual(DEFAULT_PREFERENCES);
    expect(loadPreferences(storage('{not json'))).toEqual(DEFAULT_PREFERENCES);
    expect(
      loadPreferences(storage('{"splitRatio":7,"limits":{"perSocket":-1,"total":"x"},"showTimeline":"yes"}')),
    ).toEqual(DEFAULT_PREFERENCES);
  });
});
