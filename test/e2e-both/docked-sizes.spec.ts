import { expect, test } from './fixtures';
import type { PageDriver } from '../support/driver/driver';
import { openEmptyRules } from '../support/rule-form';

/** The sizes a docked panel really has: DevTools beside the page, below it, undocked. */
const SIZES: [number, number][] = [
  [360, 600],
  [560, 800],
  // Wide enough for the full toolbar's layout, too narrow for all of it on one line.
  [760, 600],
  [1280, 800],
  [1280, 220],
];

/** Runs in the panel: what a user sees of the list without scrolling sideways. */
function layoutFacts() {
  const root = document.documentElement;
  const rows = [...document.querySelectorAll('tr[data-socket-id]')];
  const wrap = document.querySelector('.table-wrap');
  const list = wrap?.getBoundingClientRect();
  const visible = rows.filter((tr) => {
    const r = tr.getBoundingClientRect();
    return list !== undefined && r.top >= list.top && r.bottom <= list.bottom + 1 && r.height > 0;
  });
  // What reaches the page's scroll width (not what a clipping cell hides), named so that a
  // failure says which part to fix.
  const sticksOut = [...document.body.querySelectorAll('*')]
    .filter((el) => el.getBoundingClientRect().right >= root.scrollWidth - 1)
    .slice(0, 5)
    .map(
      (el) =>
        `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}px`,
    );
  return {
    pageScrollsSideways: root.scrollWidth > root.clientWidth ? sticksOut : false,
    listScrollsSideways: wrap ? wrap.scrollWidth > wrap.clientWidth : true,
    visibleRows: visible.length,
    // For each visible row: its code cell on screen, whole, and the word next to an abnormal code.
    codes: visible.map((tr) => {
      const cell = tr.querySelector('[data-col="code"]');
      const r = cell?.getBoundingClientRect();
      return {
        onScreen: r !== undefined && r.left >= 0 && r.right <= window.innerWidth && r.width > 0,
        text: cell?.textContent ?? '',
        abnormalRow: tr.className.includes('tone-abnormal'),
      };
    }),
    name: visible.every((tr) => tr.querySelector('[data-col="name"]') !== null),
    // The tab's number (wide layouts only) on the summary's row, not on a row of its own.
    sourceRow: ((summary, source) =>
      !summary || !source ? 'none' : Math.abs(summary.top - source.top) < 4 ? 'summary' : 'own')(
      document.querySelector('.summary')?.getBoundingClientRect(),
      document.querySelector('.source')?.getBoundingClientRect(),
    ),
  };
}

test.describe('the panel at docked sizes', () => {
  for (const [width, height] of SIZES) {
    test(`${width}x${height}: the code of every visible row is on screen, nothing scrolls sideways`, async ({
      open,
      openPanel,
    }) => {
      const { page, tabId } = await open('demo.html');
      await page.evaluate(() => (window as unknown as { demoDone: Promise<unknown> }).demoDone, null);
      const panel = await openPanel(tabId, { size: [width, height] });
      await expect
        .poll(() => panel.count('tr[data-socket-id][data-state="closed"]'))
        .toBeGreaterThanOrEqual(13);
      const facts = await panel.evaluate(layoutFacts, null);
      expect(facts.pageScrollsSideways, `the panel is ${width}px wide`).toBe(false);
      expect(facts.listScrollsSideways).toBe(false);
      expect(facts.visibleRows).toBeGreaterThanOrEqual(5);
      expect(facts.name).toBe(true);
      expect(facts.sourceRow).not.toBe('own');
      for (const code of facts.codes) {
        expect(code.onScreen).toBe(true);
        expect(code.text).toMatch(/\d{4}/);
        if (code.abnormalRow) expect(code.text).toContain('abnormal');
      }
      await selectsBelowOrBeside(panel, width);
      await messagesShowRows(panel, height);
      await menuFits(panel);
    });
  }
});

/** The details go below the list when narrow, beside it when wide, and the page still fits. */
async function selectsBelowOrBeside(panel: PageDriver, width: number): Promise<void> {
  await panel.click({ css: 'tr[data-socket-id]', text: '/ws/terminate' });
  await expect.poll(() => panel.count('.details')).toBe(1);
  const list = await panel.box('.table-wrap');
  const details = await panel.box('.details');
  if (!list || !details) throw new Error('no list or details');
  if (width >= 1000) expect(details.x).toBeGreaterThanOrEqual(list.x + list.width - 1);
  else expect(details.y).toBeGreaterThanOrEqual(list.y + list.height - 1);
  // The details opening below shrinks the list: the row just clicked stays in view.
  await expect
    .poll(() =>
      panel.evaluate(() => {
        const wrap = document.querySelector('.table-wrap')?.getBoundingClientRect();
        const row = document.querySelector('tr[aria-selected="true"]')?.getBoundingClientRect();
        return !!wrap && !!row && row.top >= wrap.top && row.bottom <= wrap.bottom + 1;
      }, null),
    )
    .toBe(true);
  const sideways = await panel.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    null,
  );
  expect(sideways).toBe(false);
  // Nor does the Close tab itself (Firefox's wider "decode as" select pushed past 360 px).
  const tab = await panel.evaluate(() => {
    const body = document.querySelector('.tab-body');
    return body ? body.scrollWidth - body.clientWidth : null;
  }, null);
  expect(tab).toBe(0);
}

/**
 * The selected socket's message log keeps room for rows under its filters, however short: two of
 * them on screen without scrolling the tab. A short panel folds the filters besides the search
 * behind a button that unfolds them and counts those set.
 */
async function messagesShowRows(panel: PageDriver, height: number): Promise<void> {
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
  await expect.poll(() => panel.count('.message-row')).toBeGreaterThan(0);
  const rows = await panel.box('.message-rows');
  expect(rows?.height).toBeGreaterThanOrEqual(60);
  const { onScreen, all } = await panel.evaluate(() => {
    const all = [...document.querySelectorAll('.message-row')];
    const onScreen = all.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight;
    });
    return { onScreen: onScreen.length, all: all.length };
  }, null);
  expect(onScreen).toBeGreaterThanOrEqual(Math.min(2, all));
  const direction = 'select[aria-label="Direction"]';
  if (height <= 320) {
    expect((await panel.box(direction))?.width).toBe(0);
    await panel.click({ css: '.mf-fold', text: 'Filters' });
    await panel.select(direction, 'sent');
    await expect.poll(() => panel.text('.mf-fold')).toContain('Filters (1)');
    await panel.select(direction, 'all');
    await panel.click({ css: '.mf-fold', text: 'Filters' });
  }
  // The button only where the filters are folded.
  expect((await panel.box('.mf-fold'))?.width === 0).toBe(height > 320);
  await panel.click({ css: '[role="tab"]', text: 'Close' });
}

/** The export menu, the longest, ends inside the panel and scrolls to its last item when short. */
async function menuFits(panel: PageDriver): Promise<void> {
  await panel.click('button[aria-label="More exports"]');
  const fits = await panel.evaluate(() => {
    const menu = document.querySelector('.menu[aria-label="Export"]');
    const items = menu?.querySelectorAll('[role="menuitem"]');
    const last = items?.[items.length - 1];
    if (!menu || !last) return null;
    last.scrollIntoView({ block: 'nearest' });
    const m = menu.getBoundingClientRect();
    const l = last.getBoundingClientRect();
    return {
      menuInside: m.bottom <= window.innerHeight,
      lastShown: l.top >= m.top && l.bottom <= m.bottom + 1,
    };
  }, null);
  expect(fits).toEqual({ menuInside: true, lastShown: true });
  await panel.press('Escape');
}

test('docked below the page (1280x220), a new rule’s whole form shows without scrolling the Rules area', async ({
  open,
  openPanel,
}) => {
  const { tabId } = await open('blank.html');
  const panel = await openPanel(tabId, { size: [1280, 220] });
  await openEmptyRules(panel);
  await panel.click({ css: '.rules-head button', text: 'Add rule' });
  const hidden = await panel.evaluate(() => {
    const area = document.querySelector('[data-testid="rules-area"]');
    return area ? area.scrollHeight - area.clientHeight : null;
  }, null);
  expect(hidden).toBeLessThanOrEqual(1);
});
