// `npm run schema`: writes schema/websocket-close-log.schema.json from the valibot schema the
// importer uses. A unit test fails when the committed file differs from what this generates.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { CloseLog } from '../src/export/close-log-schema';

export const SCHEMA_PATH = resolve(import.meta.dirname, '../schema/websocket-close-log.schema.json');

export function closeLogJsonSchema(): string {
  // JSON numbers are always finite, so valibot's finite() check has nothing to say there.
  const schema = toJsonSchema(CloseLog, { target: 'draft-07', ignoreActions: ['finite'] });
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(SCHEMA_PATH, closeLogJsonSchema());
  console.log(`Wrote ${SCHEMA_PATH}`);
}
