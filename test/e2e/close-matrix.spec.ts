import { expect, test } from './fixtures';
import { closedRow, exportJson } from './panel-reader';
import { expectExportMatches, expectRowMatches } from '../support/close-checks';
import { CLOSE_SCENARIOS } from '../support/close-scenarios';
import { watchSocket } from '../support/page-scripts';

/**
 * Each close scenario (test/support/close-scenarios.ts) run by a page against the local server
 * with the panel open (live path), then checked again in a panel opened afterwards (the
 * page-history path) and in its JSON export. The page must see what Chromium 156 was measured
 * to report, and every view must match what the page saw.
 */
test.describe('close matrix in Chromium', () => {
  for (const s of CLOSE_SCENARIOS) {
    const expected = s.expected.chromium;
    test(s.title, async ({ open, ext, server }) => {
      const { page, tabId } = await open('blank.html');
      const livePanel = await ext.openPanel(tabId);
      const url = new URL(s.path(server.ws, server.refusedPort)).href;

      const saw = await page.evaluate(watchSocket, { url, action: s.action, reason: s.reason });
      expect(saw).toEqual(expected.saw);

      const latePanel = await ext.openPanel(tabId);
      for (const panel of [livePanel, latePanel])
        expectRowMatches(await closedRow(panel, url), saw, expected);
      expectExportMatches(await exportJson(latePanel), url, saw, expected);
    });
  }
});
