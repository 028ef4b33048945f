import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { describe, expect, it } from 'vitest';
import {
  DEEP_CAPTURE_TEST_MODE,
  manifestFor as forTarget,
  manifestOfMode as forMode,
} from '../../../browser-targets';

/** browser-targets.ts returns plain objects; crxjs's type also allows a promise or a function. */
type PlainManifest = Exclude<ManifestV3Export, Promise<unknown> | ((...args: never[]) => unknown)>;
const manifestFor = (...args: Parameters<typeof forTarget>) => forTarget(...args) as PlainManifest;
const manifestOfMode = (mode: string) => forMode(mode) as PlainManifest;

describe('the debugger permission', () => {
  it('is asked for only when the user turns deep capture on, in the Chrome build that ships', () => {
    const chrome = manifestFor('chrome');
    expect(chrome.optional_permissions).toEqual(['debugger']);
    expect(chrome.permissions).not.toContain('debugger');
    expect(manifestOfMode('production')).toEqual(chrome);
  });

  it('is named nowhere in Firefox, which has no debugger API for extensions', () => {
    const firefox = manifestFor('firefox');
    expect(firefox.optional_permissions).toBeUndefined();
    expect(firefox.permissions).not.toContain('debugger');
    expect(manifestOfMode('firefox')).toEqual(firefox);
  });

  it('is granted at install only in the end-to-end tests’ build, which no package holds', () => {
    const test = manifestOfMode(DEEP_CAPTURE_TEST_MODE);
    expect(test.permissions).toContain('debugger');
    expect(test.optional_permissions).toBeUndefined();
  });
});
