import { pageMaySend } from '../protocol/inject-command';
import { codeRange, isLocalOnly, NOT_A_CODE_TEXT, RANGE_TEXT } from './code-ranges';
import { describeUse, libraryUses, shortUse, type LibraryUse } from './library-codes';
import { registeredText } from './registered-codes';
import type { CloseCodeInfo, CodeRange, CodeText, Severity } from './types';

/** Everything known about a code, for any number: unnamed codes are described by their range. */
export function describeCode(code: number): CloseCodeInfo {
  const range = codeRange(code);
  if (range === null) {
    return { ...copy(NOT_A_CODE_TEXT), code, range: 'invalid', localOnly: false, pageMaySend: false };
  }
  const uses = libraryUses(code);
  const text = copy(registeredText(code) ?? unnamedText(code, range, uses));
  text.causes.push(...uses.map(describeUse));
  return { ...text, code, range, localOnly: isLocalOnly(code), pageMaySend: pageMaySend(code) };
}

function unnamedText(code: number, range: CodeRange, uses: LibraryUse[]): CodeText {
  if (range === 'standard') throw new Error(`close code ${code} is missing from the registered table`);
  const text = RANGE_TEXT[range];
  if (uses.length === 0) return text;
  // For an unnamed code, which libraries use it is the most useful thing the table row can say.
  return { ...text, summary: `${text.summary}. Known uses: ${uses.map(shortUse).join('; ')}` };
}

/** Fresh arrays, so callers cannot alter the shared tables. */
function copy(text: CodeText): CodeText {
  return { ...text, causes: [...text.causes], checks: [...text.checks] };
}

/** A code's severity alone, without building its texts: what the badge and every row ask per close. */
export function severityOf(code: number): Severity {
  const range = codeRange(code);
  if (range === null) return NOT_A_CODE_TEXT.severity;
  const registered = registeredText(code);
  if (registered) return registered.severity;
  // Every standard code is registered: describeCode throws for one that is not.
  return range === 'standard' ? 'error' : RANGE_TEXT[range].severity;
}
