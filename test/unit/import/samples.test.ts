import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_FIRST_COLUMNS } from '../../../src/export/close-log-csv';
import { parseImport } from '../../../src/import/close-log-file';
import { schemaErrors } from '../../support/close-log-schema';

/** docs/samples: files exported from the real panel. Whatever changes, they must still open. */
const sample = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../../../docs/samples', name), 'utf8');

describe('the committed sample exports', () => {
  it('JSON samples are valid against the shipped schema and import', () => {
    for (const name of ['close-log.json', 'close-log-with-previews.json']) {
      expect(schemaErrors(JSON.parse(sample(name)))).toBe('');
      expect(parseImport(name, sample(name))).toMatchObject({ ok: true, kind: 'close log' });
    }
  });

  it('the HAR sample imports to the same sockets as the JSON sample with previews', () => {
    const har = parseImport('close-log.har', sample('close-log.har'));
    const json = parseImport('close-log-with-previews.json', sample('close-log-with-previews.json'));
    expect(har.ok && json.ok).toBe(true);
    if (har.ok && json.ok)
      expect(har.log.sockets.map((s) => [s.id, s.close, s.messages?.length])).toEqual(
        json.log.sockets.map((s) => [s.id, s.close, s.messages?.length]),
      );
  });

  it('the CSV sample parses with the documented columns', () => {
    const parsed = Papa.parse<Record<string, string>>(sample('close-log.csv'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    // Written before the application-protocol columns: the first release's, which readers need,
    // then the workers' three.
    expect(parsed.meta.fields).toEqual([...CSV_FIRST_COLUMNS, 'workerKind', 'workerUrl', 'httpStatus']);
    expect(parsed.data.map((r) => r.reason)).toContain('bad, "very" bad\nsecond line');
  });
});
