import { describe, expect, it } from 'vitest';
import { describeCode } from '../../../src/close-codes/describe-code';

describe('describeCode', () => {
  it('answers for every code 0-65535 with a name, summary and meaning', () => {
    for (let code = 0; code <= 65535; code++) {
      const info = describeCode(code);
      if (!info.name || !info.summary || !info.meaning || !info.sentBy || info.code !== code) {
        expect.fail(`incomplete answer for ${code}`);
      }
    }
  });

  it.each([
    [0, 'unused', 'Not used', 'error'],
    [999, 'unused', 'Not used', 'error'],
    [1000, 'standard', 'Normal Closure', 'ok'],
    [1015, 'standard', 'TLS handshake', 'error'],
    [1016, 'reserved', 'Reserved (unassigned)', 'error'],
    [2999, 'reserved', 'Reserved (unassigned)', 'error'],
    [3000, 'registered', 'Unauthorized', 'warn'],
    [3999, 'registered', 'Library/framework (unregistered)', 'warn'],
    [4000, 'private', 'Private use', 'warn'],
    [4999, 'private', 'Private use', 'warn'],
    [5000, 'invalid', 'Invalid (outside the code space)', 'error'],
    [65535, 'invalid', 'Invalid (outside the code space)', 'error'],
  ])('%i: range %s, name "%s", severity %s', (code, range, name, severity) => {
    expect(describeCode(code)).toMatchObject({ code, range, name, severity });
  });

  it.each([-1, 65536, 1000.5, Number.NaN])('says %d is not a valid close code', (code) => {
    const info = describeCode(code);
    expect(info).toMatchObject({
      name: 'Not a close code',
      severity: 'error',
      localOnly: false,
      pageMaySend: false,
    });
    expect(info.summary).toMatch(/not a valid close code/i);
  });

  it('sets localOnly for exactly 1005, 1006 and 1015', () => {
    const local = [];
    for (let code = 0; code <= 65535; code++) if (describeCode(code).localOnly) local.push(code);
    expect(local).toEqual([1005, 1006, 1015]);
  });

  it('sets pageMaySend for exactly 1000 and 3000-4999', () => {
    for (let code = 0; code <= 65535; code++) {
      const expected = code === 1000 || (code >= 3000 && code <= 4999);
      if (describeCode(code).pageMaySend !== expected) expect.fail(`pageMaySend of ${code}`);
    }
  });

  it('names the library behind a private code', () => {
    const info = describeCode(4401);
    expect(info.name).toBe('Private use');
    expect(info.summary).toContain('graphql-ws (unauthorized)');
    expect(info.causes.join(' ')).toContain('graphql-ws: unauthorized');
  });

  it('lists every claimant of a shared private code rather than guessing', () => {
    expect(describeCode(4500).summary).toContain('graphql-ws (internal server error)');
    expect(describeCode(4500).summary).toContain('Spring');
    expect(describeCode(4000).summary).toMatch(/Discord gateway; SocketCluster; Twitch EventSub/);
  });

  it('keeps plain range text for codes no library claims', () => {
    expect(describeCode(4321).summary).toBe('Private use: the application defines what it means');
    expect(describeCode(3500).summary).not.toContain('Known uses');
  });

  it('adds library causes to registered codes without changing their summary', () => {
    expect(describeCode(1011).causes.join(' ')).toContain('keepalive ping timeout');
    expect(describeCode(1002).causes.join(' ')).toContain('SockJS');
    expect(describeCode(1011).summary).toBe('Internal error: the server hit an unexpected condition');
  });

  it('returns fresh arrays, so callers cannot alter the tables', () => {
    describeCode(1006).causes.push('mutated');
    describeCode(4401).causes.push('mutated');
    expect(describeCode(1006).causes).not.toContain('mutated');
    expect(describeCode(4401).causes).not.toContain('mutated');
  });

  it('writes plain text only', () => {
    for (const code of [0, 1000, 1005, 1006, 1009, 1015, 2000, 3000, 3003, 4401, 4500, 5000, -1]) {
      const info = describeCode(code);
      const all = [info.name, info.summary, info.meaning, info.sentBy, ...info.causes, ...info.checks];
      for (const s of all) expect(s).not.toMatch(/[<>`*]|\]\(/);
    }
  });
});
