import { importSizeError, parseImport } from '../import/close-log-file';
import type { ImportResult } from '../import/close-log-file';

/** A file the user picked or dropped, checked for size before it is read at all. */
export async function readImportFile(file: File): Promise<ImportResult> {
  const tooLarge = importSizeError(file.name, file.size);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    return parseImport(file.name, await file.text());
  } catch {
    return { ok: false, error: `Cannot open “${file.name}”: the file could not be read.` };
  }
}
