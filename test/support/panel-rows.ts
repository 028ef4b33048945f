import { expect } from '@playwright/test';

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

/** The CSS selector of the socket table's row for the socket whose URL is `url`. */
export function rowSelector(url: string): string {
  return `tr[data-socket-id]:has(td[data-col="url"][title="${url}"])`;
}

/**
 * Runs in the panel (pass it to `page.evaluate` of Playwright or Puppeteer, so it must stay
 * self-contained): the socket table as the user sees it, each cell's text.
 */
export function rowsInPage(): PanelRow[] {
  return [...document.querySelectorAll('tr[data-socket-id]')].map((tr) => {
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
  });
}

/** Waits until `readRows` lists a closed socket for `url`, and returns its row. */
export async function closedRowOf(readRows: () => Promise<PanelRow[]>, url: string): Promise<PanelRow> {
  let row: PanelRow | undefined;
  await expect
    .poll(
      async () => {
        row = (await readRows()).find((r) => r.url === url && r.state === 'closed');
        return row !== undefined;
      },
      { message: `a closed row for ${url}` },
    )
    .toBe(true);
  return row!;
}
