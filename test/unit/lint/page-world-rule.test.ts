import { resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import pageWorld from '../../../eslint/rules/page-world.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const fixture = resolve(import.meta.dirname, 'fixture');
const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixture },
  },
});
const filename = resolve(fixture, 'page.ts');
const rule = pageWorld.rules['no-unsafe-builtins'];
const valid = (code: string) => ({ code, filename });
const invalid = (code: string, ...messageIds: string[]) => ({
  code,
  filename,
  errors: messageIds.map((messageId) => ({ messageId })),
});

tester.run('page-world/no-unsafe-builtins', rule, {
  valid: [
    // Captured copies, called as functions: what the rule asks for.
    valid(
      'declare const StringPrototypeSlice: (s: string, a: number, b: number) => string; StringPrototypeSlice("abc", 0, 1);',
    ),
    // Own data properties: a string's or an array's length, a match's index, a descriptor's fields.
    valid('const s = "abc"; const a = [1]; const n = s.length + a.length;'),
    valid('declare const m: RegExpExecArray; const i = m.index;'),
    valid('declare const d: PropertyDescriptor; const g = d.get;'),
    // Own code, object spread, indexed loops, primitive template parts, types of globals.
    valid('class A { go() { return 1; } } const x = new A().go();'),
    valid('const o = { a: 1 }; const p = { ...o, b: 2 };'),
    valid('const a = [1, 2]; let t = 0; for (let i = 0; i < a.length; i++) t += a[i] ?? 0;'),
    valid('const n = 1; const s = "x"; const t = `${s}:${n}:${true}`;'),
    valid('let w: Window & typeof globalThis; let ws: WebSocket | null = null;'),
    valid('const u = undefined; const v = NaN;'),
  ],
  invalid: [
    invalid('const s = "abc"; s.slice(0, 1);', 'member'),
    invalid('const a = [1]; a.push(2);', 'member'),
    invalid('declare const e: MessageEvent; const d: unknown = e.data;', 'member'),
    invalid('declare const u: Uint8Array; const n = u.length;', 'member'),
    invalid('declare const m: Map<number, number>; m.get(1);', 'member'),
    invalid('declare const f: () => void; f.call(null);', 'member'),
    invalid('JSON.stringify(1);', 'global', 'member'),
    invalid('const n = performance.now();', 'global', 'member'),
    invalid('const b = new Uint8Array(2);', 'global'),
    invalid('setTimeout(() => undefined, 1);', 'global'),
    invalid('window.addEventListener("x", () => undefined);', 'global', 'member'),
    invalid('const a = [1]; for (const x of a) void x;', 'forOf'),
    invalid('const a = [1]; const b = [...a];', 'spread'),
    invalid('declare const f: (...n: number[]) => void; const a = [1]; f(...a);', 'spread'),
    invalid('const [first] = [1];', 'arrayPattern'),
    invalid('async function f() { await 1; }', 'await', 'await'),
    invalid(
      'declare const x: unknown; declare const C: new () => object; const y = x instanceof C;',
      'instanceof',
    ),
    invalid('const o = {}; const t = `${o}`;', 'template'),
  ],
});
