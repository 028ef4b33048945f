import type { Page } from '@playwright/test';

/**
 * Stops the extension's MV3 service worker the way Chromium does when it is idle: the worker
 * target is closed over CDP (from any page's session). The next extension event starts a new one.
 */
export async function stopServiceWorker(anyPage: Page): Promise<void> {
  const cdp = await anyPage.context().newCDPSession(anyPage);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; targetId: string; url: string }[];
    };
    const workers = targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (workers.length === 0) throw new Error('no extension service worker is running');
    for (const w of workers) await cdp.send('Target.closeTarget', { targetId: w.targetId });
  } finally {
    await cdp.detach();
  }
}
