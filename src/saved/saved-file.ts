import * as v from 'valibot';
import { checkDraft } from '../compose/draft';
import type { ExportedFile } from '../export/export-file';
import { fileStamp } from '../export/export-file';
import { SavedEntry, toEntry } from './saved-message';
import type { SavedMessage } from './saved-message';

/**
 * The saved-messages file, version 1: what "Export" writes and "Import" reads, so a team can pass
 * its messages around. Unknown fields are ignored, so later additions do not break older readers.
 */
export const SAVED_FILE_FORMAT = 'websocket-saved-messages';
export const SAVED_FILE_VERSION = 1;
/** Larger files are refused before they are read. */
export const MAX_SAVED_FILE_BYTES = 20 * 1024 * 1024;

export const SavedMessagesFile = v.object({
  format: v.literal(SAVED_FILE_FORMAT),
  version: v.literal(SAVED_FILE_VERSION),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  messages: v.pipe(v.array(SavedEntry), v.maxLength(100_000)),
});
export type SavedMessagesFile = v.InferOutput<typeof SavedMessagesFile>;

export function savedMessagesFile(messages: readonly SavedMessage[], at: Date): ExportedFile {
  const file: SavedMessagesFile = {
    format: SAVED_FILE_FORMAT,
    version: SAVED_FILE_VERSION,
    exportedAt: at.toISOString(),
    messages: messages.map(toEntry),
  };
  return {
    name: `websocket-saved-messages-${fileStamp(at)}.json`,
    mime: 'application/json',
    text: JSON.stringify(file, null, 2),
  };
}

/** A saved-messages file, checked; anything else yields one sentence saying where and why. */
export function parseSavedFile(
  name: string,
  text: string,
): { ok: true; entries: SavedEntry[] } | { ok: false; error: string } {
  const fail = (why: string) => ({ ok: false as const, error: `Cannot import “${name}”: ${why}.` });
  if (text.length > MAX_SAVED_FILE_BYTES)
    return fail(`it is larger than ${MAX_SAVED_FILE_BYTES / (1024 * 1024)} MB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`it is not JSON (${e instanceof Error ? e.message : 'parse error'})`);
  }
  const head = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (head.format !== SAVED_FILE_FORMAT)
    return fail(`it is not a saved-messages file (no "format": "${SAVED_FILE_FORMAT}")`);
  if (head.version !== SAVED_FILE_VERSION)
    return fail(
      `it is a saved-messages file of version ${JSON.stringify(head.version)}; this extension reads version ${SAVED_FILE_VERSION}`,
    );
  const result = v.safeParse(SavedMessagesFile, json, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    return fail(`it is not a valid saved-messages file${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  const entries = result.output.messages;
  for (const [i, e] of entries.entries()) {
    const check = checkDraft(e);
    if (!check.ok)
      return fail(`message ${i + 1} (“${e.name}”) cannot be sent: ${check.error.replace(/\.$/, '')}`);
  }
  return { ok: true, entries };
}
