import { isRecord, readJson, str } from './json';

/** The "type" of a JSON text message, for content detection; undefined for anything else. */
export function jsonType(m: {
  kind: 'text' | 'binary';
  preview: string;
  truncated: boolean;
}): string | undefined {
  if (m.kind !== 'text' || !m.preview.startsWith('{')) return undefined;
  const json = readJson(m.preview, m.truncated);
  return isRecord(json.value) ? str(json.value, 'type') : undefined;
}
