// `npm run lint:firefox`: web-ext lint (AMO's addons-linter, offline) on dist/firefox. Fails on
// any error, and on any warning or notice except those pinned below to the exact third-party
// code they flag, so a finding in our own code can never hide behind them.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import type { LintMessage } from 'web-ext';
import { outDirOf } from '../browser-targets';

const sourceDir = resolve(outDirOf('firefox'));

const THIRD_PARTY: { code: string; flagged: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    flagged: /^\w+\.innerHTML=\w+\.__html\b/,
    why: "Preact's support for dangerouslySetInnerHTML, bundled into the panel (the panel never uses it)",
  },
];

const result = await webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });
const findings = [...result.errors, ...result.warnings, ...result.notices];
const known = new Map<LintMessage, string>();
for (const m of result.warnings) {
  const text = await flaggedText(m);
  const rule = THIRD_PARTY.find((r) => r.code === m.code && text !== null && r.flagged.test(text));
  if (rule) known.set(m, rule.why);
}

const where = (m: LintMessage) => (m.file ? ` ${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}` : '');
console.log(
  `web-ext lint ${sourceDir}: ${result.errors.length} errors, ${result.warnings.length} warnings, ${result.notices.length} notices`,
);
for (const [m, why] of known) console.log(`  known, third-party: ${m.code}${where(m)}: ${why}`);
const ours = findings.filter((m) => !known.has(m));
for (const m of ours) console.error(`  ${m.code}${where(m)}: ${m.message}`);
if (ours.length > 0) process.exit(1);

/** The code a message points at, from its line and 1-based column; null when it names no spot. */
async function flaggedText(m: LintMessage): Promise<string | null> {
  if (!m.file || !m.line || !m.column) return null;
  const line = (await readFile(join(sourceDir, m.file), 'utf8')).split('\n')[m.line - 1];
  return line?.slice(m.column - 1) ?? null;
}
