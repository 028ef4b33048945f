import { describe, expect, it } from 'vitest';
import { parseLenient } from '../../../../src/protocols/shared/lenient-json';

describe('parseLenient', () => {
  it('reads a complete document like JSON.parse', () => {
    const text = '{"a":[1,2.5e3,-0,true,false,null],"b":"x\\u00e9\\n","c":{}}';
    expect(parseLenient(text)).toEqual({ value: JSON.parse(text), cut: false, error: null });
  });

  it('returns what a document cut short holds, marked cut', () => {
    expect(parseLenient('["chat:message",{"text":"hel')).toEqual({
      value: ['chat:message', { text: 'hel' }],
      cut: true,
      error: null,
    });
    expect(parseLenient('{"a":1,"b')).toEqual({ value: { a: 1 }, cut: true, error: null });
    expect(parseLenient('[1,tr')).toEqual({ value: [1], cut: true, error: null });
    expect(parseLenient('"abc\\u00')).toEqual({ value: 'abc', cut: true, error: null });
  });

  it('locates errors in input that is not cut short', () => {
    expect(parseLenient('{"a" 1}').error).toBe('expected : after a property name at 5');
    expect(parseLenient('[1 2]').error).toBe('expected , or ] in an array at 3');
    expect(parseLenient('[1]x').error).toBe('unexpected text after the JSON value at 3');
    expect(parseLenient('{"a":"\\q"}').error).toMatch(/^bad escape/);
  });

  it('keeps "__proto__" as an own key and leaves prototypes alone', () => {
    const { value } = parseLenient('{"__proto__":{"polluted":true},"a":1');
    expect(Object.keys(value ?? {})).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops at 100 levels of nesting instead of overflowing the stack', () => {
    const r = parseLenient('['.repeat(100_000));
    expect(r.error).toBe('nested deeper than 100 levels at 100');
    expect(parseLenient(`${'['.repeat(50)}${']'.repeat(50)}`).error).toBeNull();
  });

  it('costs time linear in hostile input', () => {
    const hostile = [
      '"'.padEnd(1_000_000, 'a'),
      '['.padEnd(1_000_000, '1,'),
      '{"a":'.repeat(90) + '1'.repeat(500_000),
    ];
    const started = performance.now();
    for (const text of hostile) parseLenient(text);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
