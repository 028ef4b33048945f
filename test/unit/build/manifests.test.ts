import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { describe, expect, it } from 'vitest';
import {
  DEEP_CAPTURE_MODE,
  manifestFor as forTarget,
  manifestOfMode as forMode,
} from '../../../browser-targets';

/** browser-targets.ts returns plain objects; crxjs's type also allows a promise or a function. */
type PlainManifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;
const manifestFor = (...args: Parameters<typeof forTarget>) => forTarget(...args) as PlainManifest;
const manifestOfMode = (mode: string) => forMode(mode) as PlainManifest;

describe('the debugger permission', () => {
  it('is not named by the Chrome and Firefox builds that ship', () => {
    for (const m of [manifestFor('chrome'), manifestFor('firefox')]) {
      expect(m.permissions).not.toContain('debugger');
      expect(m.optional_permissions ?? []).not.toContain('debugger');
    }
    expect(manifestOfMode('production')).toEqual(manifestFor('chrome'));
    expect(manifestOfMode('firefox')).toEqual(manifestFor('firefox'));
  });

  it('is asked for at install by the deep capture build, the Chrome build plus debugger', () => {
    const chrome = manifestFor('chrome');
    const deep = manifestOfMode(DEEP_CAPTURE_MODE);
    expect(deep).toEqual({ ...chrome, permissions: [...(chrome.permissions ?? []), 'debugger'] });
  });
});
