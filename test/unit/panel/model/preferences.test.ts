import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  loadPreferences,
  savePreferences,
} from '../../../../src/panel/model/preferences';

const storage = (value: string | null) => ({ getItem: () => value });

describe('preferences', () => {
  it('round-trips what was saved', () => {
    let saved = '';
    const prefs = {
      ...DEFAULT_PREFERENCES,
      splitRatio: 0.3,
      showTimeline: false,
      limits: { perSocket: 10, total: 20, totalChars: 30 },
      timelineHeight: 90,
      columns: { reason: false, opened: true },
      debug: true,
      decodeAs: { 'ws://h/cable': 'action-cable' as const, 'ws://h/feed': 'none' as const },
    };
    savePreferences({ setItem: (_k, v) => (saved = v) }, prefs);
    expect(loadPreferences(storage(saved))).toEqual(prefs);
  });

  it('falls back to defaults for anything missing, corrupt or out of range', () => {
    expect(loadPreferences(storage(null))).toEqual(DEFAULT_PREFERENCES);
    expect(loadPreferences(storage('{not json'))).toEqual(DEFAULT_PREFERENCES);
    expect(
      loadPreferences(
        storage(
          '{"splitRatio":7,"limits":{"perSocket":-1,"total":"x"},"showTimeline":"yes","timelineHeight":5,"columns":{"code":"no","bogus":true},"debug":1,"decodeAs":{"ws://h/a":"carrier-pigeon","ws://h/b":7}}',
        ),
      ),
    ).toEqual(DEFAULT_PREFERENCES);
  });

  it('says when the browser refuses to save', () => {
    const full = {
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    expect(savePreferences(full, DEFAULT_PREFERENCES)).toBe('quota');
    expect(savePreferences({ setItem: () => undefined }, DEFAULT_PREFERENCES)).toBeNull();
  });
});
