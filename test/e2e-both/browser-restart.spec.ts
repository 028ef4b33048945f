import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserDriver, PageDriver } from '../support/driver/driver';
import { chromiumDriver } from '../support/driver/chromium-driver';
import { firefoxDriver } from '../support/driver/firefox-driver';
import { addRule, openEmptyRules } from '../support/rule-form';
import { expect, test } from './fixtures';
import { heardByServer, openRecordedSocket, selectSocket } from './recorded-socket';

/**
 * What the README says is kept in the extension's storage, through a real browser restart: the
 * browser quits and starts again on the same profile, and a new panel finds it.
 */
test('a saved message and an interception rule outlive a browser restart', async ({
  engine,
  pageUrl,
  server,
}) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), 'wsci-restart-'));
  const uuid = randomUUID();
  const launch = () =>
    engine === 'firefox' ? firefoxDriver({ profile: { dir, uuid } }) : chromiumDriver({ profile: dir });
  const id = `restart-${process.pid}-${Date.now()}`;
  /** A page with a socket to the server, and a panel with that socket selected. */
  const session = async (driver: BrowserDriver): Promise<PageDriver> => {
    const { page, tabId } = await driver.open(pageUrl('blank.html'));
    await page.evaluate(openRecordedSocket, { url: `${server.ws}/ws/record?id=${id}` });
    const panel = await driver.openPanel(tabId);
    await selectSocket(panel, '/ws/record');
    await panel.click({ css: '[role="tab"]', text: 'Compose' });
    return panel;
  };
  try {
    const before = await launch();
    try {
      const panel = await session(before);
      await panel.fill('textarea.composer-body', 'kept across a restart');
      await panel.click({ css: '.composer-actions button', text: 'Save…' });
      await panel.fill('input[aria-label="Name of the saved message"]', 'kept');
      await panel.select('select[aria-label="Save for"]', 'site');
      await panel.press('Enter');
      await expect.poll(() => panel.count('.saved-row')).toBe(1);
      await openEmptyRules(panel);
      await addRule(panel, {
        url: '*/ws/record*',
        dir: 'sent',
        contains: 'secret',
        action: { kind: 'block' },
      });
      await expect.poll(() => panel.text('button.rules-toggle')).toBe('Rules · 1 on');
    } finally {
      await before.close();
    }

    const after = await launch();
    try {
      const panel = await session(after);
      await expect.poll(() => panel.text('button.rules-toggle')).toBe('Rules · 1 on');
      await expect.poll(() => panel.text('.saved-toggle')).toBe('Saved (1)');
      await panel.click('.saved-toggle');
      await panel.click({ css: '.saved-row button', text: 'Send “kept” as page' });
      await expect.poll(() => heardByServer(server.http, id)).toEqual(['kept across a restart']);
    } finally {
      await after.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
