import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';

export interface PanelRow {
  id: string;
  url: string;
  state: string;
  code: string;
  name: string;
  reason: string;
  clean: string;
  initiator: string;
  explanation: string;
  tone: string;
}

/** The socket table as the user sees it: each cell's text. */
export async function readRows(panel: Page): Promise<PanelRow[]> {
  return panel.locator('tr[data-socket-id]').evaluateAll((rows) =>
    rows.map((tr) => {
      const cell = (col: string) => tr.querySelector(`[data-col="${col}"]`)?.textContent ?? '';
      return {
        id: tr.getAttribute('data-socket-id') ?? '',
        url: tr.querySelector('[data-col="url"]')?.getAttribute('title') ?? '',
        state: cell('state'),
        code: cell('code'),
        name: cell('name'),
        reason: cell('reason'),
        clean: cell('clean'),
        initiator: cell('initiator'),
        explanation: cell('explanation'),
        tone: [...tr.classList].find((c) => c.startsWith('tone-'))?.slice(5) ?? '',
      };
    }),
  );
}

/** Waits until the panel lists a closed socket for `url`, and returns its row. */
export async function closedRow(panel: Page, url: string): Promise<PanelRow> {
  let row: PanelRow | undefined;
  await expect
    .poll(async () => {
      row = (await readRows(panel)).find((r) => r.url === url && r.state === 'closed');
      return row !== undefined;
    })
    .toBe(true);
  return row!;
}

/** Clicks "Export JSON" and parses the downloaded file. */
export async function exportJson(panel: Page): Promise<CloseLog> {
  const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export JSON' }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as CloseLog;
}

/** The row of the socket whose URL is `url`. */
export function rowOf(panel: Page, url: string) {
  return panel.locator(`tr[data-socket-id]:has(td[data-col="url"][title="${url}"])`);
}

/** Selects a socket and shows its messages. */
export async function showMessages(panel: Page, url: string): Promise<void> {
  await rowOf(panel, url).click();
  await panel.getByRole('tab', { name: /Messages/ }).click();
}
