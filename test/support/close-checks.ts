import { expect } from '@playwright/test';
import type { CloseLog } from '../../src/export/close-log';
import type { Expected } from './close-scenarios';
import type { PageSaw } from './page-scripts';
import type { PanelRow } from './panel-rows';

/** The panel's row shows what the page saw, named and judged as expected. */
export function expectRowMatches(row: PanelRow, saw: PageSaw, expected: Expected): void {
  expect(row.code.match(/\d+/)?.[0]).toBe(String(saw.code));
  expect(row.reason).toBe(saw.reason);
  expect(row.clean).toBe(saw.wasClean ? 'yes' : 'no');
  expect(row.name).toBe(expected.name);
  expect(row.initiator).toBe(expected.initiator);
  expect(row.tone.startsWith('abnormal')).toBe(expected.abnormal);
  expect(row.code.includes('abnormal')).toBe(expected.abnormal);
  if (saw.code === 1006) expect(row.tone).toBe('abnormal-1006');
  if (expected.headline) expect(row.explanation).toMatch(expected.headline);
}

/** The exported close log carries the same close for the socket at `url`. */
export function expectExportMatches(log: CloseLog, url: string, saw: PageSaw, expected: Expected): void {
  const exported = log.sockets.find((x) => x.url === url);
  expect(exported?.close).toEqual({
    code: saw.code,
    reason: saw.reason,
    wasClean: saw.wasClean,
    initiator: expected.initiator,
    name: expected.name,
    explanation: expect.any(String),
    abnormal: expected.abnormal,
    injected: false,
    at: exported?.closedAt,
  });
  expect(exported?.openedAt === null).toBe(!saw.opened);
  expect(exported?.errorAt === null).toBe(!saw.errored);
}
