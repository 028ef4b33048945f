import type { PageDriver, Where } from './driver';
import { locate, target } from './driver';
import { until } from '../until';

/** What Playwright's and Puppeteer's pages both offer, as the shared operations use it. */
export interface RawPage {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { click(x: number, y: number, options?: { button?: 'left' | 'right' }): Promise<void> };
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string): Promise<void>;
    down(key: string): Promise<void>;
    up(key: string): Promise<void>;
  };
}

/** The operations that work the same in both browsers: real clicks and keys, reads by evaluate. */
export function pageOps(
  raw: RawPage,
): Pick<PageDriver, 'click' | 'fill' | 'select' | 'press' | 'type' | 'focus' | 'text' | 'count' | 'box'> {
  // Waits for the element as Playwright's locators do: a click's effect (a menu, a dialog) may
  // render after the input call returns, which Firefox over BiDi showed on a busy CI machine.
  const at = (where: Where) =>
    until(
      async () => {
        const spot = await raw.evaluate(locate, target(where));
        return spot.found ? spot : null;
      },
      `no element ${JSON.stringify(target(where))}`,
      5000,
    );
  const focus = async (where: Where) => {
    await at(where);
    await raw.evaluate(({ css, text, flags }) => {
      const pattern = text === undefined ? null : new RegExp(text, flags);
      const el = [...document.querySelectorAll(css)].find(
        (e) =>
          !pattern || pattern.test(e.textContent ?? '') || pattern.test(e.getAttribute('aria-label') ?? ''),
      );
      if (el instanceof HTMLElement) el.focus();
    }, target(where));
  };
  return {
    async click(where, options) {
      const { x, y } = await at(where);
      await raw.mouse.click(x, y, options);
    },
    async fill(where, text) {
      await focus(where);
      await raw.evaluate(() => {
        const el = document.activeElement;
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      }, null);
      if (text === '') await raw.keyboard.press('Backspace');
      else await raw.keyboard.type(text);
    },
    async select(where, value) {
      await at(where);
      await raw.evaluate(
        ({ css, value: v }) => {
          const el = document.querySelector(css);
          if (!(el instanceof HTMLSelectElement)) throw new Error(`${css} is no <select>`);
          el.value = v;
          el.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { css: target(where).css, value },
      );
    },
    async press(key) {
      // Puppeteer knows single keys only ("Control+Enter" is no key to it): hold the modifiers
      // down around the last key, which Playwright does the same way.
      const modifiers = key.length > 1 ? key.split('+') : [key];
      const last = modifiers.pop() ?? key;
      for (const m of modifiers) await raw.keyboard.down(m);
      await raw.keyboard.press(last);
      for (const m of modifiers.reverse()) await raw.keyboard.up(m);
    },
    type: (text) => raw.keyboard.type(text),
    focus,
    text: (where) =>
      raw.evaluate(({ css, text, flags }) => {
        const pattern = text === undefined ? null : new RegExp(text, flags);
        const el = [...document.querySelectorAll(css)].find(
          (e) => !pattern || pattern.test(e.textContent ?? ''),
        );
        return el ? (el.textContent ?? '') : null;
      }, target(where)),
    count: (css) => raw.evaluate((c) => document.querySelectorAll(c).length, css),
    box: (where) =>
      raw.evaluate(({ css, text, flags }) => {
        const pattern = text === undefined ? null : new RegExp(text, flags);
        const el = [...document.querySelectorAll(css)].find(
          (e) => !pattern || pattern.test(e.textContent ?? ''),
        );
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }, target(where)),
  };
}
