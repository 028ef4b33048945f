import type { Page } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';
import { closedRowOf, rowSelector, rowsInPage } from '../support/panel-rows';
import type { PanelRow } from '../support/panel-rows';

/** The socket table as the user sees it: each cell's text. */
export function readRows(panel: Page): Promise<PanelRow[]> {
  return panel.evaluate(rowsInPage);
}

/** Waits until the panel lists a closed socket for `url`, and returns its row. */
export function closedRow(panel: Page, url: string): Promise<PanelRow> {
  return closedRowOf(() => readRows(panel), url);
}

/** Clicks "Export JSON" and parses the downloaded file. */
export async function exportJson(panel: Page): Promise<CloseLog> {
  const file = await downloaded(panel, () => panel.getByRole('button', { name: 'Export JSON' }).click());
  return JSON.parse(file.text) as CloseLog;
}

/** Exports through the menu: a format by its label, all sockets or only the filtered ones. */
export async function exportAs(
  panel: Page,
  format: RegExp,
  scope: 'All sockets' | 'Filtered' = 'All sockets',
): Promise<{ name: string; text: string }> {
  await panel.getByRole('button', { name: 'More exports' }).click();
  await panel.getByRole('radio', { name: new RegExp(`^${scope}`) }).check();
  return downloaded(panel, () => panel.getByRole('menuitem', { name: format }).click());
}

/** The file a click downloads: its suggested name and its text. */
export async function downloaded(
  panel: Page,
  click: () => Promise<void>,
): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([panel.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

/** The row of the socket whose URL is `url`. */
export function rowOf(panel: Page, url: string) {
  return panel.locator(rowSelector(url));
}

/** Escape in the list: no socket selected, the details pane closes. */
export async function deselect(panel: Page): Promise<void> {
  await panel.getByLabel(/^WebSockets: arrow keys/).press('Escape');
}
