import { describe, expect, it } from 'vitest';
import { hideOwnFrames } from '../../../src/page/own-frames';

const OURS = 'chrome-extension://abc/extension/main-world.js';

describe('hideOwnFrames', () => {
  it('drops the frames of our script from an exception, keeping every other line and the property kind', () => {
    const e = new TypeError('Illegal invocation');
    e.stack = [
      'TypeError: Illegal invocation',
      `    at Object.apply (${OURS}:1:8034)`,
      '    at page (https://page.test/app.js:3:7)',
      `    at ${OURS}:1:99`,
    ].join('\n');
    const before = Object.getOwnPropertyDescriptor(e, 'stack');
    hideOwnFrames(e, OURS);
    expect(e.stack).toBe('TypeError: Illegal invocation\n    at page (https://page.test/app.js:3:7)');
    const after = Object.getOwnPropertyDescriptor(e, 'stack');
    expect(Object.keys(after!).sort()).toEqual(Object.keys(before!).sort());
  });

  it('uses an inherited stack accessor as Firefox has one, and Firefox’s name for our script', () => {
    let stack = 'apply@<anonymous code>:3:3492\npage@https://page.test/app.js:3:7';
    class FirefoxLikeException {}
    Object.defineProperty(FirefoxLikeException.prototype, 'stack', {
      get: () => stack,
      set: (v: string) => void (stack = v),
      configurable: true,
    });
    const e = new FirefoxLikeException();
    hideOwnFrames(e, '<anonymous code>');
    expect(stack).toBe('page@https://page.test/app.js:3:7');
    expect(Object.getOwnPropertyDescriptor(e, 'stack')).toBeUndefined();
  });

  it('leaves alone what it cannot or need not change', () => {
    const foreign = new Error('x');
    const stack = foreign.stack;
    hideOwnFrames(foreign, OURS);
    expect(foreign.stack).toBe(stack);
    const frozen = Object.freeze(Object.assign(new Error('y'), { stack: `Error: y\n    at ${OURS}:1:1` }));
    expect(() => hideOwnFrames(frozen, OURS)).not.toThrow();
    for (const primitive of [undefined, null, 'thrown text', 42])
      expect(() => hideOwnFrames(primitive, OURS)).not.toThrow();
  });
});
