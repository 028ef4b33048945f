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

/** Opens a file through the panel's Import file picker. */
export async function importFile(panel: Page, file: string | { name: string; text: string }): Promise<void> {
  const files =
    typeof file === 'string'
      ? file
      : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) };
  await panel.getByLabel('Import a close log file').setInputFiles(files);
}

/** The row of the socket whose URL is `url`. */
export function rowOf(panel: Page, url: string) {
  return panel.locator(rowSelector(url));
}

/** Selects a socket and shows its messages. */
export async function showMessages(panel: Page, url: string): Promise<void> {
  await rowOf(panel, url).click();
  await panel.getByRole('tab', { name: /Messages/ }).click();
}
