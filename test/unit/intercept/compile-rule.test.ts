import { describe, expect, it } from 'vitest';
import { compileRule } from '../../../src/intercept/compile-rule';
import type { CompiledRule } from '../../../src/intercept/compile-rule';
import { compileRules } from '../../../src/intercept/rule-set';
import { isInterceptRule, isInterceptRules } from '../../../src/protocol/intercept-rules';
import type { InterceptRule } from '../../../src/protocol/intercept-rules';

import { rule } from './rule-builder';

function compiled(over: Partial<InterceptRule>): CompiledRule {
  const c = compileRule(rule(over));
  if ('errors' in c) throw new Error(JSON.stringify(c.errors));
  return c;
}

describe('compileRule', () => {
  it('matches the socket URL by glob or regular expression', () => {
    const glob = compiled({ url: { kind: 'glob', pattern: 'ws://*/chat' } });
    expect(glob.takesSocket('ws://a.test/chat')).toBe(true);
    expect(glob.takesSocket('ws://a.test/feed')).toBe(false);
    const re = compiled({ url: { kind: 'regex', pattern: '/socket\\.io/' } });
    expect(re.takesSocket('ws://x/socket.io/?EIO=4')).toBe(true);
    expect(re.takesSocket('ws://x/socketxio/')).toBe(false);
  });

  it('takes one direction or both', () => {
    expect(compiled({ direction: 'sent' }).takesMessage(true, 'x')).toBe(true);
    expect(compiled({ direction: 'sent' }).takesMessage(false, 'x')).toBe(false);
    expect(compiled({ direction: 'received' }).takesMessage(false, 'x')).toBe(true);
    expect(compiled({ direction: 'both' }).takesMessage(false, 'x')).toBe(true);
  });

  it('takes text by contains, regular expression, or JSON path and value', () => {
    const contains = compiled({ condition: { kind: 'contains', text: 'ping' } });
    expect(contains.takesMessage(true, '2ping')).toBe(true);
    expect(contains.takesMessage(true, 'pong')).toBe(false);
    const re = compiled({ condition: { kind: 'regex', pattern: '^42\\["chat', flags: 'i' } });
    expect(re.takesMessage(true, '42["CHAT",1]')).toBe(true);
    expect(re.takesMessage(true, '2')).toBe(false);
    const json = compiled({ condition: { kind: 'json', path: '$.type', value: '"join"' } });
    expect(json.takesMessage(true, '{"type":"join","room":1}')).toBe(true);
    expect(json.takesMessage(true, '{"type":"leave"}')).toBe(false);
    expect(json.takesMessage(true, 'not json')).toBe(false);
    const exists = compiled({ condition: { kind: 'json', path: 'data[0].id', value: '' } });
    expect(exists.takesMessage(true, '{"data":[{"id":null}]}')).toBe(true);
    expect(exists.takesMessage(true, '{"data":[]}')).toBe(false);
    const deep = compiled({ condition: { kind: 'json', path: 'a', value: '{"y":[1],"x":2}' } });
    expect(deep.takesMessage(true, '{"a":{"x":2,"y":[1]}}')).toBe(true);
  });

  it('takes a binary message only to block, delay or pause it, and only with no condition', () => {
    expect(compiled({}).takesMessage(true, null)).toBe(true);
    expect(compiled({ action: { kind: 'pause' } }).takesMessage(true, null)).toBe(true);
    expect(compiled({ condition: { kind: 'contains', text: '' } }).takesMessage(true, null)).toBe(false);
    const rewrite = compiled({ action: { kind: 'replace', find: 'a', replace: 'b' } });
    expect(rewrite.takesMessage(true, null)).toBe(false);
  });

  it('decides block, delay and pause as they are', () => {
    expect(compiled({}).decide('x')).toEqual({ kind: 'block' });
    expect(compiled({ action: { kind: 'delay', ms: 250 } }).decide('x')).toEqual({ kind: 'delay', ms: 250 });
    expect(compiled({ action: { kind: 'pause' } }).decide('x')).toEqual({ kind: 'pause' });
  });

  it('rewrites by text, regular expression and JSON merge patch', () => {
    expect(compiled({ action: { kind: 'replace', find: 'a', replace: 'b' } }).decide('banana')).toEqual({
      kind: 'rewrite',
      text: 'bbnbnb',
    });
    const re = compiled({ action: { kind: 'regex-replace', pattern: '(\\d+)', flags: '', replace: '[$1]' } });
    expect(re.decide('a1b22')).toEqual({ kind: 'rewrite', text: 'a[1]b[22]' });
    // Used twice: the expression's lastIndex does not carry over.
    expect(re.decide('7')).toEqual({ kind: 'rewrite', text: '[7]' });
    const patch = compiled({ action: { kind: 'merge-patch', patch: '{"text":"edited","secret":null}' } });
    expect(patch.decide('{"text":"hi","secret":1,"n":2}')).toEqual({
      kind: 'rewrite',
      text: '{"text":"edited","n":2}',
    });
    // Not JSON: nothing to patch, the message goes on as it was.
    expect(patch.decide('hello')).toEqual({ kind: 'rewrite', text: 'hello' });
  });

  it.each<[Partial<InterceptRule>, string, string]>([
    [{ url: { kind: 'regex', pattern: '(' } }, 'url', 'Invalid regular expression'],
    [{ condition: { kind: 'regex', pattern: 'a', flags: 'gx' } }, 'condition', 'Invalid flags "gx"'],
    [{ condition: { kind: 'regex', pattern: 'a', flags: 'ii' } }, 'condition', 'Invalid flags "ii"'],
    [{ condition: { kind: 'json', path: 'a..b', value: '' } }, 'condition', 'JSON path: A name must follow'],
    [{ condition: { kind: 'json', path: 'type', value: 'join' } }, 'condition', 'The value is not JSON'],
    [{ action: { kind: 'merge-patch', patch: '{nope' } }, 'action', 'The merge patch is not JSON'],
    [
      { action: { kind: 'regex-replace', pattern: '[', flags: '', replace: '' } },
      'action',
      'Invalid regular',
    ],
    [{ action: { kind: 'replace', find: '', replace: 'x' } }, 'action', 'Say what text to replace'],
  ])('says what is wrong, and where: %j', (over, field, message) => {
    const c = compileRule(rule(over));
    expect('errors' in c && c.errors).toEqual([
      { field, message: expect.stringContaining(message) as string },
    ]);
  });
});

describe('compileRules', () => {
  it('runs the enabled rules that compile, in order, and lists the errors of the others', () => {
    const { active, errors } = compileRules([
      rule({ id: 'off', enabled: false }),
      rule({ id: 'bad', url: { kind: 'regex', pattern: '*' } }),
      rule({ id: 'a' }),
      rule({ id: 'b', action: { kind: 'pause' } }),
    ]);
    expect(active.map((c) => c.rule.id)).toEqual(['a', 'b']);
    expect(errors.map((e) => e.id)).toEqual(['bad']);
  });
});

describe('isInterceptRules', () => {
  it('accepts well-formed rules and refuses anything else', () => {
    expect(isInterceptRules([rule(), rule({ action: { kind: 'delay', ms: 10 } })])).toBe(true);
    expect(isInterceptRule(rule({ action: { kind: 'delay', ms: -1 } }))).toBe(false);
    expect(isInterceptRule(rule({ action: { kind: 'delay', ms: 60_001 } }))).toBe(false);
    expect(isInterceptRule({ ...rule(), direction: 'up' })).toBe(false);
    expect(isInterceptRule({ ...rule(), condition: { kind: 'contains' } })).toBe(false);
    expect(isInterceptRule({ ...rule(), url: null })).toBe(false);
    expect(isInterceptRules({ length: 0 })).toBe(false);
    expect(isInterceptRules(Array.from({ length: 101 }, () => rule()))).toBe(false);
  });
});
