import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';
import type { ScenarioServer } from '../fixtures/scenario-server';
import type { ConformanceEnv } from './conformance';

const DIR = resolve(import.meta.dirname, '../conformance');

export function conformanceEnv(server: ScenarioServer, run: string): ConformanceEnv {
  return { ws: server.ws, http: server.http, refusedPort: server.refusedPort, run };
}

/** The suite's result with what changes from run to run (ports, ids) replaced by names. */
export function normalized(result: unknown, env: ConformanceEnv): unknown {
  const port = new URL(env.http).port;
  const text = JSON.stringify(result)
    .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:SERVER')
    .replaceAll(`:${env.refusedPort}`, ':REFUSED')
    .replaceAll(env.run, 'RUN')
    // The page's own URL (what '' resolves to): its run parameter is unique per test.
    .replace(/run=\d+-\d+/g, 'run=PAGE');
  return JSON.parse(text) as unknown;
}

/**
 * Runs the suite in a page with the extension and in one without (at once), and checks that they
 * saw the same, and that the one without saw what the browser's baseline says.
 */
export async function expectConformance(
  browser: 'chromium' | 'firefox',
  env: ConformanceEnv,
  patched: (env: ConformanceEnv) => Promise<unknown>,
  native: (env: ConformanceEnv) => Promise<unknown>,
): Promise<void> {
  const withExtension = { ...env, run: `${env.run}-ext` };
  const without = { ...env, run: `${env.run}-plain` };
  const [a, b] = await Promise.all([patched(withExtension), native(without)]);
  const expected = normalized(b, without);
  expect(normalized(a, withExtension)).toEqual(expected);
  expectBaseline(browser, expected);
}

/**
 * The browser's own behaviour without the extension, against the one committed in
 * test/conformance/<browser>.json: a browser update that changes what a page sees shows up here
 * (UPDATE_CONFORMANCE_BASELINE=1 rewrites the file, to be reviewed like code).
 */
export function expectBaseline(browser: 'chromium' | 'firefox', native: unknown): void {
  const file = resolve(DIR, `${browser}.json`);
  if (process.env.UPDATE_CONFORMANCE_BASELINE === '1' || !existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(native, null, 1)}\n`);
    if (process.env.UPDATE_CONFORMANCE_BASELINE !== '1')
      throw new Error(`wrote a new baseline, ${file}: review it`);
  }
  expect(native).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The socket on which the suite dispatched its own open, message, error and close events of every
 * class: recorded with only what the browser reported (one message each way, the real close).
 */
export function expectForgedEventsUnrecorded(log: CloseLog): void {
  const socket = log.sockets.find((s) => s.close?.reason === 'real close');
  expect(socket).toMatchObject({
    sent: { messages: 1, bytes: 4 },
    received: { messages: 1, bytes: 4 },
    errorAt: null,
    close: { code: 4002, wasClean: true, initiator: 'page', injected: false },
  });
}
