import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { SCHEMA_PATH } from '../../scripts/close-log-json-schema';

/** The shipped JSON Schema, compiled by Ajv: what any other tool validating our files would use. */
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

/** The schema's errors for a document, as text; empty when it is a valid close log. */
export function schemaErrors(doc: unknown): string {
  return validate(doc) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}
