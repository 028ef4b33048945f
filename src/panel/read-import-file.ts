import { importSizeError } from '../import/close-log-file';

/** A file the user picked or dropped, as text, checked for size before it is read at all. */
export async function readImportFile(
  file: File,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  const tooLarge = importSizeError(file.name, file.size);
  if (tooLarge) return { ok: false, error: tooLarge };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, error: `Cannot open “${file.name}”: the file could not be read.` };
  }
}
