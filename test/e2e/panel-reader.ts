import type { Page } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';
import { closedRowOf, rowsInPage } from '../support/panel-rows';
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
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON' }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CloseLog;
}
