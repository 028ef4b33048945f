import * as v from 'valibot';
import { isDraftFormat } from '../compose/draft';
import type { Draft, DraftFormat } from '../compose/draft';
import { MAX_TESTER_MESSAGE_BYTES } from '../protocol/inject-command';
import { time } from '../protocol/recorder-events';

/**
 * A message the tester saved under a name, to send or inject again with one click: the composer's
 * draft as it was typed (format and body), kept in the extension's storage for one site or for
 * all sites.
 */
export interface SavedMessage {
  readonly id: string;
  readonly name: string;
  readonly draft: Draft;
  readonly savedAt: number;
}

/** A list (one site's, or the one for all sites) keeps this many at most. */
export const MAX_SAVED_MESSAGES = 1000;
export const MAX_SAVED_NAME_CHARS = 200;
/** Room for the largest message in its widest form: hex with a space after every byte. */
export const MAX_SAVED_BODY_CHARS = 4 * MAX_TESTER_MESSAGE_BYTES;

const format = v.custom<DraftFormat>(isDraftFormat, 'Expected "text", "json", "hex" or "base64"');

/** One saved message as files and storage hold it. */
export const SavedEntry = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'A name is required'), v.maxLength(MAX_SAVED_NAME_CHARS)),
  format,
  body: v.pipe(v.string(), v.maxLength(MAX_SAVED_BODY_CHARS)),
  savedAt: time,
});
export type SavedEntry = v.InferOutput<typeof SavedEntry>;

export function toEntry(m: SavedMessage): SavedEntry {
  return { name: m.name, format: m.draft.format, body: m.draft.body, savedAt: m.savedAt };
}

export function fromEntry(e: SavedEntry, id: string): SavedMessage {
  return { id, name: e.name, draft: { format: e.format, body: e.body }, savedAt: e.savedAt };
}
