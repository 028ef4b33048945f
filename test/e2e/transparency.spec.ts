import { expect, test } from './fixtures';
import { probeWebSocket } from '../support/websocket-probe';

test('the patched WebSocket is indistinguishable from the native one', async ({ open, server, plain }) => {
  const { page } = await open('blank.html');
  const patched = await page.evaluate(probeWebSocket, server.ws);

  const nativePage = await plain.context.newPage();
  try {
    await nativePage.goto(page.url());
    const native = await nativePage.evaluate(probeWebSocket, server.ws);
    expect(patched).toEqual(native);
  } finally {
    await nativePage.close();
  }
  // Sanity: the probe really exercised the API.
  expect(patched.source).toBe('function WebSocket() { [native code] }');
  expect(patched.log).toContain('onclose:4001:bye:true');
});
