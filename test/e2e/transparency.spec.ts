import { chromium } from '@playwright/test';
import { findChromium } from '../support/chromium';
import { expect, test } from './fixtures';
import { probeWebSocket } from '../support/websocket-probe';

test('the patched WebSocket is indistinguishable from the native one', async ({ open, server }) => {
  const { page } = await open('blank.html');
  const patched = await page.evaluate(probeWebSocket, server.ws);

  const plain = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const nativePage = await plain.newPage();
    await nativePage.goto(page.url());
    const native = await nativePage.evaluate(probeWebSocket, server.ws);
    expect(patched).toEqual(native);
  } finally {
    await plain.close();
  }
  // Sanity: the probe really exercised the API.
  expect(patched.source).toBe('function WebSocket() { [native code] }');
  expect(patched.log).toContain('onclose:4001:bye:true');
});
