import { expect, test } from './fixtures';

test('exports, a generated replay test included, redact a token in the URL and a JWT in a message unless the user includes secrets', async ({
  open,
  openPanel,
  server,
}) => {
  const { page, tabId } = await open('blank.html');
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const url = `${server.ws}/ws/echo?token=s3cret&room=7`;
  await page.evaluate(
    ([u, token]) =>
      new Promise((resolve) => {
        const ws = new WebSocket(u);
        ws.onopen = () => ws.send(JSON.stringify({ type: 'auth', jwt: token }));
        ws.onmessage = () => {
          ws.onclose = resolve;
          ws.close(1000);
        };
      }),
    [url, jwt] as const,
  );
  const panel = await openPanel(tabId);
  await expect.poll(() => panel.count('tr[data-socket-id][data-state="closed"]')).toBe(1);
  const exportAs = async (text: string) => {
    await panel.click('button[aria-label="More exports"]');
    const file = await panel.download(() => panel.click({ css: '[role="menuitem"]', text }));
    return file.text;
  };
  const exportWithPreviews = () => exportAs('JSON close log with message previews');

  // A generated replay test holds what the server sent, and is redacted alike.
  const replayTest = await exportAs('Playwright test that replays the server');
  expect(replayTest).toContain(`url: "${server.ws}/ws/echo?token=[redacted]&room=7"`);
  expect(replayTest).toContain('end: { pageCloses: true }');
  expect(replayTest).not.toContain('s3cret');
  expect(replayTest).not.toContain(jwt);

  const redacted = await exportWithPreviews();
  expect(redacted).not.toContain('s3cret');
  expect(redacted).not.toContain(jwt);
  expect(redacted).toContain('token=[redacted]&room=7');
  expect(JSON.parse(redacted)).toMatchObject({ redaction: { applied: true } });

  await panel.click('button[aria-label="More exports"]');
  await panel.click({ css: '.menu-secrets', text: 'Include secrets' });
  await panel.press('Escape');
  const included = await exportWithPreviews();
  expect(included).toContain('token=s3cret');
  expect(included).toContain(jwt);
  expect(JSON.parse(included)).toMatchObject({ redaction: { applied: false } });
});
