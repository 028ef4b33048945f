import { describe, expect, it } from 'vitest';
import { describeCode } from '../../../src/close-codes/describe-code';
import { registeredText } from '../../../src/close-codes/registered-codes';
import type { Severity } from '../../../src/close-codes/types';

// The code table of close-codes.md, copied by hand: the source of truth for names and severities.
const EXPECTED: [number, string, Severity][] = [
  [1000, 'Normal Closure', 'ok'],
  [1001, 'Going Away', 'ok'],
  [1002, 'Protocol Error', 'error'],
  [1003, 'Unsupported Data', 'error'],
  [1004, 'Reserved', 'error'],
  [1005, 'No Status Rcvd', 'ok'],
  [1006, 'Abnormal Closure', 'error'],
  [1007, 'Invalid frame payload data', 'error'],
  [1008, 'Policy Violation', 'error'],
  [1009, 'Message Too Big', 'error'],
  [1010, 'Mandatory Ext.', 'error'],
  [1011, 'Internal Error', 'error'],
  [1012, 'Service Restart', 'warn'],
  [1013, 'Try Again Later', 'warn'],
  [1014, 'Bad Gateway', 'error'],
  [1015, 'TLS handshake', 'error'],
  [3000, 'Unauthorized', 'warn'],
  [3003, 'Forbidden', 'warn'],
  [3008, 'Timeout', 'warn'],
];

describe('registered codes', () => {
  it.each(EXPECTED)('%i is "%s" with severity %s', (code, name, severity) => {
    expect(registeredText(code)).toMatchObject({ name, severity });
    expect(describeCode(code)).toMatchObject({ code, name, severity });
  });

  it('holds exactly the registered codes and nothing else', () => {
    const registered = new Set(EXPECTED.map(([code]) => code));
    for (let code = 0; code <= 5000; code++) {
      expect(registeredText(code) !== undefined, `code ${code}`).toBe(registered.has(code));
    }
  });

  it('gives every registered code its details', () => {
    for (const [code] of EXPECTED) {
      const text = registeredText(code)!;
      expect(text.summary && text.meaning && text.sentBy).toBeTruthy();
      expect(text.causes.length, `causes of ${code}`).toBeGreaterThan(0);
      expect(text.checks.length, `checks of ${code}`).toBeGreaterThan(0);
    }
  });

  describe('the seed article traps', () => {
    it('1007 is invalid payload data, not unsupported data (that is 1003)', () => {
      expect(describeCode(1007).summary).toMatch(/invalid payload data/i);
      expect(describeCode(1007).meaning).toMatch(/UTF-8/);
      expect(describeCode(1003).name).toBe('Unsupported Data');
    });

    it('1010 is Mandatory Ext., not reserved', () => {
      expect(describeCode(1010).summary).toMatch(/extension/i);
      expect(describeCode(1010).summary).not.toMatch(/reserved/i);
    });

    it.each([1012, 1013, 1014])('%i is registered, not "reserved for future use"', (code) => {
      expect(describeCode(code).range).toBe('standard');
      expect(describeCode(code).meaning).not.toMatch(/reserved/i);
    });

    it('1015 exists and is reported locally', () => {
      expect(describeCode(1015)).toMatchObject({ name: 'TLS handshake', localOnly: true });
    });
  });

  it('names the 3000 conflict between the IANA registration and SockJS', () => {
    const info = describeCode(3000);
    expect(info.summary).toContain('Unauthorized');
    expect(info.summary).toContain('SockJS');
    expect(info.summary).toContain('Go away!');
    expect(info.causes.join(' ')).toContain('SockJS');
  });
});
