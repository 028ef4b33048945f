import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importSizeError, parseImport } from '../../import/close-log-file';
import { redactCloseLog } from '../../export/redaction';
import type { RedactionOptions } from '../../export/redaction';
import { replayPlan } from '../../replay/replay-plan';
import { replayTestSource } from '../../replay/replay-test-source';

export interface ReplayArgs {
  file: string;
  /** Write the test here; stdout when absent. */
  out: string | undefined;
  /** Only these socket ids (all when empty). */
  sockets: string[];
  redaction: RedactionOptions;
}

/** A close log (JSON or our HAR) as a Playwright test; the error is one sentence. */
export async function replayCommand(
  args: ReplayArgs,
  now: Date,
): Promise<{ ok: true; text: string; sockets: number } | { ok: false; error: string }> {
  const name = basename(args.file);
  let text: string;
  try {
    const size = importSizeError(name, (await stat(args.file)).size);
    if (size) return { ok: false, error: size };
    text = await readFile(args.file, 'utf8');
  } catch (e) {
    return { ok: false, error: `Cannot open “${name}”: ${e instanceof Error ? e.message : String(e)}.` };
  }
  const read = parseImport(name, text);
  if (!read.ok) return read;
  const log = redactCloseLog(read.log, args.redaction);
  const unknown = args.sockets.filter((id) => !log.sockets.some((s) => s.id === id));
  if (unknown.length > 0)
    return { ok: false, error: `“${name}” has no socket ${unknown.map((id) => `"${id}"`).join(', ')}.` };
  const chosen =
    args.sockets.length === 0
      ? log
      : { ...log, sockets: log.sockets.filter((s) => args.sockets.includes(s.id)) };
  if (chosen.sockets.length === 0) return { ok: false, error: `“${name}” holds no sockets to replay.` };
  const source = replayTestSource(replayPlan(chosen), { source: name, generatedAt: now });
  if (args.out !== undefined) await writeFile(args.out, source);
  return { ok: true, text: source, sockets: chosen.sockets.length };
}
