import type { CloseLog } from '../../src/export/close-log';
import type { PageDriver } from '../support/driver/driver';
import { rowSelector, rowsInPage } from '../support/panel-rows';
import type { PanelRow } from '../support/panel-rows';

/** What a user does in the panel, in either browser: the driver's clicks and keys, named. */

/** The socket table as the user sees it: each cell's text. */
export const readRows = (panel: PageDriver): Promise<PanelRow[]> => panel.evaluate(rowsInPage, null);

/** Exports through the menu: a format by its label, all sockets or only the filtered ones. */
export async function exportAs(
  panel: PageDriver,
  format: RegExp,
  scope: 'All sockets' | 'Filtered' = 'All sockets',
): Promise<{ name: string; text: string }> {
  await panel.click('button[aria-label="More exports"]');
  await panel.click({ css: '.menu-scope label', text: new RegExp(`^${scope}`) });
  return panel.download(() => panel.click({ css: '[role="menuitem"]', text: format }));
}

/** Clicks "Export JSON" and parses the downloaded file. */
export async function exportJson(panel: PageDriver): Promise<CloseLog> {
  const file = await panel.download(() => panel.click({ css: '.export button', text: /^Export JSON/ }));
  return JSON.parse(file.text) as CloseLog;
}

/** Opens a file (a name and text, or a path on disk) through the Import file picker. */
export const importFile = (panel: PageDriver, file: { name: string; text: string } | string) =>
  panel.setInputFile('input[aria-label="Import a close log file"]', file);

/** Opens a setting or tool from the toolbar's "More" menu. */
export async function moreMenu(panel: PageDriver, item: string): Promise<void> {
  await panel.click('button[aria-label="More tools and settings"]');
  await panel.click({ css: '[role="menuitem"]', text: item });
}

/** Selects the socket whose URL is `url` and shows its messages. */
export async function showMessages(panel: PageDriver, url: string): Promise<void> {
  await panel.click(`${rowSelector(url)} [data-col="url"]`);
  await panel.click({ css: '[role="tab"]', text: 'Messages' });
}
