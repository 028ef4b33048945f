/**
 * One way to drive a page or the panel in either browser: Chromium through Playwright, Firefox
 * ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive a stock Firefox). A spec
 * written against these runs in both (test/e2e-both/). Clicks and keys are real input events at
 * the element's place on screen; elements are found by CSS selector, optionally by their text.
 */
export type Engine = 'chromium' | 'firefox';

export interface Target {
  /** A CSS selector; with `text`, the first match whose text or aria-label contains it. */
  css: string;
  text?: string | RegExp;
}

export type Where = string | Target;

/** A function and its argument, serialised into a page's documents before their own scripts. */
export interface InitScript<A> {
  fn: (arg: A) => void;
  arg: A;
}

export interface PageDriver {
  readonly engine: Engine;
  url(): string;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  reload(): Promise<void>;
  bringToFront(): Promise<void>;
  setSize(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;

  click(where: Where, options?: { button?: 'left' | 'right' }): Promise<void>;
  /** Replaces an input's text by typing it, as a user would. */
  fill(where: Where, text: string): Promise<void>;
  /** Picks an option of a <select> by value. */
  select(where: Where, value: string): Promise<void>;
  /** A key, or a chord such as "Control+Shift+Enter" (modifiers held around the last key). */
  press(key: string): Promise<void>;
  /** Types text into whatever has the focus, key by key. */
  type(text: string): Promise<void>;
  focus(where: Where): Promise<void>;
  /** The element's text, or null when there is none. */
  text(where: Where): Promise<string | null>;
  count(css: string): Promise<number>;
  /** The element's box in the viewport, or null. */
  box(where: Where): Promise<{ x: number; y: number; width: number; height: number } | null>;
  /** Opens a file through a file input: given as a name and text, or as a path on disk. */
  setInputFile(css: string, file: { name: string; text: string } | string): Promise<void>;
  /** The text on the browser's clipboard, read by this page (brought to the front to read it). */
  readClipboard(): Promise<string>;
  /** The file that `action` makes the page download. */
  download(action: () => Promise<void>): Promise<{ name: string; text: string }>;
}

export interface BrowserDriver {
  readonly engine: Engine;
  /** A new tab at `url`, and its tab id as the extension sees it; `initScript` runs in its documents first. */
  open<A>(
    url: string,
    options?: { initScript?: InitScript<A> },
  ): Promise<{ page: PageDriver; tabId: number }>;
  /** The panel page for a tab, standalone, in a tab of its own, rendered. */
  openPanel(
    tabId: number,
    options?: { theme?: 'light' | 'dark'; size?: [number, number] },
  ): Promise<PageDriver>;
  /** The standalone viewer (no tab). */
  openViewer(options?: { theme?: 'light' | 'dark' }): Promise<PageDriver>;
  /** The extension's toolbar badge text for a tab, read through the extension's action API. */
  badgeText(tabId: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Runs in the page: the element `where` names, scrolled into view, and the centre of its box.
 * Self-contained: it is handed to `evaluate` in either browser.
 */
export function locate(where: { css: string; text?: string; flags?: string }): {
  found: boolean;
  x: number;
  y: number;
} {
  const pattern = where.text === undefined ? null : new RegExp(where.text, where.flags);
  const candidates = [...document.querySelectorAll(where.css)];
  const el = candidates.find(
    (e) =>
      !pattern ||
      pattern.test((e.textContent ?? '').trim()) ||
      pattern.test(e.getAttribute('aria-label') ?? '') ||
      pattern.test(e.getAttribute('title') ?? ''),
  );
  if (!el) return { found: false, x: 0, y: 0 };
  el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const r = el.getBoundingClientRect();
  return { found: true, x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** A Where as plain data for `locate`: RegExps do not cross into the page. */
export function target(where: Where): { css: string; text?: string; flags?: string } {
  if (typeof where === 'string') return { css: where };
  if (where.text === undefined) return { css: where.css };
  if (typeof where.text === 'string') return { css: where.css, text: escapeRegExp(where.text) };
  return { css: where.css, text: where.text.source, flags: where.text.flags };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
