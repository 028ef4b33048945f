import { describe, expect, it } from 'vitest';
import { explainClose } from '../../../src/close-codes/explain-close';
import type { CloseFacts } from '../../../src/close-codes/types';

/** A clean close frame from the server after open, unless overridden. */
function facts(over: Partial<CloseFacts>): CloseFacts {
  return { code: 1000, reason: '', wasClean: true, opened: true, errored: false, closeCall: null, ...over };
}

const NEVER_OPENED = /never opened/i;
const DROPPED = /dropped after opening/i;
const BROWSER_FAILED = /browser failed the connection/i;
const PAGE_BEFORE_OPEN = /page closed the connection before it opened/i;

// "What the page sees", measured in Chromium 156 (and Firefox 153 where the same).
describe('explainClose: Chromium measurements', () => {
  it.each([1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4000, 4999])(
    'close frame with %i: clean, by the server, named in the headline',
    (code) => {
      const e = explainClose(facts({ code }));
      expect(e.initiator).toBe('server');
      expect(e.info.code).toBe(code);
      expect(e.headline).toMatch(new RegExp(`^Server closed(: | with )${code}\\b`));
      expect(e.headline).toContain(e.info.summary);
      expect(e.abnormal).toBe(e.info.severity === 'error');
    },
  );

  it('flags a clean 1011 but not a clean 1012 or 4000', () => {
    expect(explainClose(facts({ code: 1011 })).abnormal).toBe(true);
    expect(explainClose(facts({ code: 1012 })).abnormal).toBe(false);
    expect(explainClose(facts({ code: 4000 })).abnormal).toBe(false);
  });

  it('close frame with no body: 1005, clean, normal', () => {
    const e = explainClose(facts({ code: 1005 }));
    expect(e).toMatchObject({ initiator: 'server', abnormal: false });
    expect(e.headline).toMatch(/without a status code/);
  });

  it('forbidden code or 1-byte body: error, then unclean 1006', () => {
    const e = explainClose(facts({ code: 1006, wasClean: false, errored: true }));
    expect(e).toMatchObject({ initiator: 'browser', abnormal: true });
    expect(e.headline).toMatch(BROWSER_FAILED);
    expect(e.headline).not.toMatch(NEVER_OPENED);
  });

  it('TCP drop after open: unclean 1006, no error event', () => {
    const e = explainClose(facts({ code: 1006, wasClean: false }));
    expect(e).toMatchObject({ initiator: 'network', abnormal: true });
    expect(e.headline).toMatch(DROPPED);
    expect(e.context.join(' ')).toMatch(/idle timeout/);
  });

  it('refused or HTTP 403: error, then unclean 1006, never opened', () => {
    const e = explainClose(facts({ code: 1006, wasClean: false, errored: true, opened: false }));
    expect(e).toMatchObject({ initiator: 'browser', abnormal: true });
    expect(e.headline).toMatch(NEVER_OPENED);
    expect(e.headline).toMatch(/^Handshake failed/);
  });

  it('invalid code passed through (1004, 999, 2000, 5000): a protocol violation by the server', () => {
    for (const code of [1004, 999, 2000, 5000]) {
      const e = explainClose(facts({ code }));
      expect(e).toMatchObject({ initiator: 'server', abnormal: true });
      expect(e.headline).toMatch(/invalid close code.*protocol violation.*passed it through/);
    }
  });

  it('page close(): the server echoed an empty frame, 1005', () => {
    const e = explainClose(facts({ code: 1005, closeCall: { code: null, reason: null } }));
    expect(e).toMatchObject({ initiator: 'page', abnormal: false });
    expect(e.headline).toBe(
      'Page called close() with no code; the server echoed an empty close frame (1005)',
    );
  });

  it("page close(1000, 'done'): 1000 clean", () => {
    const e = explainClose(facts({ code: 1000, reason: 'done', closeCall: { code: 1000, reason: 'done' } }));
    expect(e).toMatchObject({ initiator: 'page', abnormal: false });
    expect(e.headline).toMatch(/^Page called close\(1000, reason\)/);
  });

  it("page close(4001, 'x'): 4001 clean, and the headline does not repeat the reason", () => {
    const e = explainClose(facts({ code: 4001, reason: 'x', closeCall: { code: 4001, reason: 'x' } }));
    expect(e).toMatchObject({ initiator: 'page', abnormal: false });
    expect(e.headline).toMatch(/^Page called close\(4001/);
    expect(e.headline).not.toContain('"x"');
  });
});

describe('explainClose: Firefox measurements', () => {
  it.each([1006, 1015])('the forbidden %i passed through clean: the server sent it', (code) => {
    const e = explainClose(facts({ code }));
    expect(e).toMatchObject({ initiator: 'server', abnormal: true });
    expect(e.headline).toContain(`Server sent the reserved code ${code} in a close frame`);
    expect(e.headline).toMatch(/passed it through/);
    expect(e.context[0]).toMatch(/Chromium would have fired an error event and reported an unclean 1006/);
    expect(e.headline).not.toMatch(DROPPED);
  });

  it('1005 passed through or a 1-byte body: 1005 clean, with the Firefox caveat in the context', () => {
    const e = explainClose(facts({ code: 1005 }));
    expect(e).toMatchObject({ initiator: 'server', abnormal: false });
    expect(e.context[0]).toMatch(/Firefox/);
    expect(e.context[0]).toMatch(/1-byte body/);
  });
});

describe('explainClose: the page closing', () => {
  it('close() before open', () => {
    const e = explainClose(
      facts({
        code: 1006,
        wasClean: false,
        opened: false,
        errored: true,
        closeCall: { code: null, reason: null },
      }),
    );
    expect(e).toMatchObject({ initiator: 'page', abnormal: true });
    expect(e.headline).toMatch(PAGE_BEFORE_OPEN);
  });

  it('close() after open, the server never answered: 1006', () => {
    const e = explainClose(facts({ code: 1006, wasClean: false, closeCall: { code: 4001, reason: 'x' } }));
    expect(e).toMatchObject({ initiator: 'page', abnormal: true });
    expect(e.headline).toMatch(/never answered the closing handshake/);
    expect(e.context[0]).toMatch(/60 s in Chromium, 20 s in Firefox/);
  });

  it('close() answered with a different code', () => {
    const e = explainClose(facts({ code: 1000, closeCall: { code: null, reason: null } }));
    expect(e.headline).toBe('Page called close() with no code; the server answered with 1000 Normal Closure');
    const f = explainClose(facts({ code: 1000, closeCall: { code: 4001, reason: null } }));
    expect(f.headline).toBe('Page called close(4001); the server answered with 1000 Normal Closure');
  });
});

describe('explainClose: the four 1006 variants read differently', () => {
  it('gives four distinct headlines', () => {
    const headlines = [
      facts({ code: 1006, wasClean: false, opened: false, errored: true }),
      facts({ code: 1006, wasClean: false }),
      facts({ code: 1006, wasClean: false, errored: true }),
      facts({
        code: 1006,
        wasClean: false,
        opened: false,
        errored: true,
        closeCall: { code: null, reason: null },
      }),
    ].map((f) => explainClose(f).headline);
    expect(headlines[0]).toMatch(NEVER_OPENED);
    expect(headlines[1]).toMatch(DROPPED);
    expect(headlines[2]).toMatch(BROWSER_FAILED);
    expect(headlines[3]).toMatch(PAGE_BEFORE_OPEN);
    expect(new Set(headlines).size).toBe(4);
  });
});

describe('explainClose: context', () => {
  it('never repeats the untrusted reason', () => {
    const reason = '<img src=x onerror=alert(1)>';
    const e = explainClose(facts({ code: 4401, reason }));
    expect([e.headline, ...e.context].join(' ')).not.toContain(reason);
    expect(e.headline).toContain('graphql-ws (unauthorized)');
  });

  it('names registered codes in the headline, but not range labels', () => {
    expect(explainClose(facts({ code: 1008 })).headline).toMatch(/^Server closed: 1008 Policy Violation — /);
    expect(explainClose(facts({ code: 4321 })).headline).toBe(
      'Server closed with 4321 — Private use: the application defines what it means',
    );
    const echo = explainClose(facts({ code: 4002, closeCall: { code: 4001, reason: null } }));
    expect(echo.headline).toBe('Page called close(4001); the server answered with 4002');
  });

  it('handles a value that is not a close code', () => {
    const e = explainClose(facts({ code: -3 }));
    expect(e.abnormal).toBe(true);
    expect(e.headline).toMatch(/not a close code/);
  });
});
