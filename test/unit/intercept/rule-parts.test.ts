import { describe, expect, it } from 'vitest';
import { globMatches } from '../../../src/intercept/glob';
import { parseJsonPath, valueAt } from '../../../src/intercept/json-path';
import { mergePatch } from '../../../src/intercept/merge-patch';
import { regexReplaceAll } from '../../../src/intercept/regex-replace';
import { replaceAll } from '../../../src/intercept/replace-text';

describe('globMatches', () => {
  it.each([
    ['ws://a.test/chat', 'ws://a.test/chat', true],
    ['ws://a.test/chat', 'ws://a.test/chat2', false],
    ['*', 'anything', true],
    ['*', '', true],
    ['ws://*/chat', 'ws://a.test:80/chat', true],
    ['ws://*/chat', 'ws://a.test/chat/x', false],
    ['ws://localhost:*/socket.io/*', 'ws://localhost:4000/socket.io/?EIO=4', true],
    ['*a*a*', 'a', false],
    ['*ab*ab*', 'xabyab', true],
    ['a*a', 'a', false],
    // No character but `*` is special: a dot is a dot.
    ['ws://a.test/*', 'ws://aXtest/x', false],
  ])('%s on %s: %s', (glob, text, expected) => {
    expect(globMatches(glob, text)).toBe(expected);
  });
});

describe('parseJsonPath', () => {
  it('reads names, indexes and quoted names', () => {
    expect(parseJsonPath('type')).toEqual({ steps: ['type'] });
    expect(parseJsonPath('$.data.items[2]["a b"]')).toEqual({ steps: ['data', 'items', 2, 'a b'] });
    expect(parseJsonPath('[0].x')).toEqual({ steps: [0, 'x'] });
  });

  it.each([
    ['$', 'The path names no member'],
    ['', 'The path names no member'],
    ['a..b', 'A name must follow the "." at 2'],
    ['a[1', 'The "[" at 2 is never closed'],
    ['a[x]', '"[x]" is neither an index'],
    ['$a', 'Expected "." or "[" at 2'],
  ])('says what is wrong with %j', (path, error) => {
    const parsed = parseJsonPath(path);
    expect('error' in parsed && parsed.error).toContain(error);
  });

  it('finds own members and elements only', () => {
    const doc = JSON.parse('{"a":{"b":[10,{"c":null}]},"n":0}') as unknown;
    expect(valueAt(doc, ['a', 'b', 1, 'c'])).toEqual({ found: true, value: null });
    expect(valueAt(doc, ['a', 'b', 2])).toEqual({ found: false, value: undefined });
    expect(valueAt(doc, ['a', 'toString'])).toEqual({ found: false, value: undefined });
    expect(valueAt(doc, ['a', 'b', 'length'])).toEqual({ found: false, value: undefined });
    expect(valueAt(doc, ['n', 'x'])).toEqual({ found: false, value: undefined });
  });
});

describe('mergePatch (RFC 7396, appendix A)', () => {
  it.each([
    ['{"a":"b"}', '{"a":"c"}', '{"a":"c"}'],
    ['{"a":"b"}', '{"b":"c"}', '{"a":"b","b":"c"}'],
    ['{"a":"b"}', '{"a":null}', '{}'],
    ['{"a":"b","b":"c"}', '{"a":null}', '{"b":"c"}'],
    ['{"a":["b"]}', '{"a":"c"}', '{"a":"c"}'],
    ['{"a":"c"}', '{"a":["b"]}', '{"a":["b"]}'],
    ['{"a":{"b":"c"}}', '{"a":{"b":"d","c":null}}', '{"a":{"b":"d"}}'],
    ['{"a":[{"b":"c"}]}', '{"a":[1]}', '{"a":[1]}'],
    ['["a","b"]', '["c","d"]', '["c","d"]'],
    ['{"a":"b"}', '["c"]', '["c"]'],
    ['{"a":"foo"}', 'null', 'null'],
    ['{"a":"foo"}', '"bar"', '"bar"'],
    ['{"e":null}', '{"a":1}', '{"e":null,"a":1}'],
    ['[1,2]', '{"a":"b","c":null}', '{"a":"b"}'],
    ['{}', '{"a":{"bb":{"ccc":null}}}', '{"a":{"bb":{}}}'],
  ])('%s patched with %s is %s', (target, patch, result) => {
    expect(JSON.stringify(mergePatch(JSON.parse(target), JSON.parse(patch)))).toBe(result);
  });

  it('sets a "__proto__" member as a member, and leaves the target as it was', () => {
    const target = JSON.parse('{"a":1}') as unknown;
    const patched = mergePatch(target, JSON.parse('{"__proto__":{"x":1}}'));
    expect(JSON.stringify(patched)).toBe('{"a":1,"__proto__":{"x":1}}');
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(target).toEqual({ a: 1 });
  });
});

describe('regexReplaceAll', () => {
  it.each([
    ['a-b-c', '-', 'g', '+', 'a+b+c'],
    ['abc', '', 'g', '-', '-a-b-c-'],
    ['x1y22', '(\\d+)', 'g', '<$1>', 'x<1>y<22>'],
    ['ab', '(a)(b)', 'g', '$2$1$$$&$3', 'ba$ab$3'],
    ['hello', 'L', 'gi', '$&$&', 'hellllo'],
    ['aaa', 'a*', 'g', 'x', 'xx'],
    ['😀a😀', '', 'gu', '-', '-😀-a-😀-'],
  ])('%s with /%s/%s and %s', (text, pattern, flags, replacement, expected) => {
    const re = new RegExp(pattern, flags);
    expect(regexReplaceAll(text, re, replacement)).toBe(expected);
    expect(regexReplaceAll(text, re, replacement)).toBe(
      text.replace(new RegExp(pattern, flags), replacement),
    );
  });
});

describe('replaceAll', () => {
  it('replaces every occurrence literally', () => {
    expect(replaceAll('a.b.c', '.', '$&')).toBe('a$&b$&c');
    expect(replaceAll('aaa', 'aa', 'b')).toBe('ba');
    expect(replaceAll('abc', 'x', 'y')).toBe('abc');
  });
});
