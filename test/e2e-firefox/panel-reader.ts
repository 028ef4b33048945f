import type { Page } from 'puppeteer-core';
import { closedRowOf, rowsInPage } from '../support/panel-rows';
import type { PanelRow } from '../support/panel-rows';

/**
 * The socket table as the user sees it. The panel renders once per animation frame, and Firefox
 * runs none in a background tab: show the panel's tab first, as a user would (its store kept
 * receiving events meanwhile).
 */
export async function readRows(panel: Page): Promise<PanelRow[]> {
  await panel.bringToFront();
  return panel.evaluate(rowsInPage);
}

/** Waits until the panel lists a closed socket for `url`, and returns its row. */
export function closedRow(panel: Page, url: string): Promise<PanelRow> {
  return closedRowOf(() => readRows(panel), url);
}
