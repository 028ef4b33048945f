import { expect, test } from './fixtures';
import { closedRow } from './panel-reader';
import { expectExportMatches, expectRowMatches } from '../support/close-checks';
import { CLOSE_SCENARIOS, expectedFor } from '../support/close-scenarios';
import { watchSocket } from '../support/page-scripts';

/**
 * The close matrix of test/e2e/close-matrix.spec.ts in Firefox ESR: the page must see what
 * Firefox 153 was measured to report, and the live panel, a panel opened afterwards and the JSON
 * export must all match what the page saw.
 */
test.describe('close matrix in Firefox', () => {
  for (const s of CLOSE_SCENARIOS) {
    test(s.title, async ({ open, openPanel, ff, server }) => {
      const { page, tabId } = await open('blank.html');
      const livePanel = await openPanel(tabId);
      const url = new URL(s.path(server.ws, server.refusedPort)).href;

      await page.bringToFront();
      const saw = await page.evaluate(watchSocket, { url, action: s.action, reason: s.reason });
      const expected = expectedFor(s, 'firefox', saw.opened);
      expect(saw).toEqual(expected.saw);

      const latePanel = await openPanel(tabId);
      for (const panel of [livePanel, latePanel])
        expectRowMatches(await closedRow(panel, url), saw, expected);
      expectExportMatches(await ff.exportJson(latePanel), url, saw, expected);
    });
  }
});
