import type { CodeRange, CodeText } from './types';

/** Where a code sits in the code space; null when the value cannot be a close code at all. */
export function codeRange(code: number): CodeRange | null {
  // The close frame's status field is a 16-bit unsigned integer, as is CloseEvent.code.
  if (!Number.isInteger(code) || code < 0 || code > 65535) return null;
  if (code < 1000) return 'unused';
  if (code <= 1015) return 'standard';
  if (code < 3000) return 'reserved';
  if (code < 4000) return 'registered';
  if (code < 5000) return 'private';
  return 'invalid';
}

/** Codes an endpoint may put in a close frame; anything else in a frame is a protocol violation. */
export function isWireValid(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

/** Reserved codes the browser reports itself; they must never appear in a close frame. */
export function isLocalOnly(code: number): boolean {
  return code === 1005 || code === 1006 || code === 1015;
}

/** What `WebSocket.close(code)` accepts; any other code throws InvalidAccessError. */
const FIX_SERVER_CODE =
  'Fix the server to send a valid code: 1000 for a normal close, or 4000-4999 for its own reasons.';

/** Text for codes without a registered name, by range (every 1000-1015 code has a name). */
export const RANGE_TEXT: Record<Exclude<CodeRange, 'standard'>, CodeText> = {
  unused: {
    name: 'Not used',
    severity: 'error',
    summary: 'Not a valid close code: a close frame carrying it is a protocol violation',
    meaning: 'Codes 0-999 are not used. A close frame carrying one is a protocol violation.',
    sentBy: 'Nobody legitimately.',
    causes: ['A server bug: it sent a code below 1000 in its close frame.'],
    checks: [FIX_SERVER_CODE],
  },
  reserved: {
    name: 'Reserved (unassigned)',
    severity: 'error',
    summary: 'Reserved for future protocol revisions: invalid in a close frame today',
    meaning:
      'Codes 1016-2999 are reserved for future revisions of the protocol and for extensions ' +
      '(assigned by IETF Review). None is assigned yet, so a close frame carrying one is invalid.',
    sentBy: 'Nobody yet.',
    causes: ['A server bug: it sent an unassigned reserved code in its close frame.'],
    checks: [FIX_SERVER_CODE],
  },
  registered: {
    name: 'Library/framework (unregistered)',
    severity: 'warn',
    summary: 'Library/framework range, not registered with IANA: meaning depends on the server',
    meaning:
      'Codes 3000-3999 are for libraries, frameworks and applications, registered with IANA ' +
      'first come, first served. This one is not registered, so it means whatever the library ' +
      'or application that sent it says.',
    sentBy: 'Either side (app-defined).',
    causes: ['A library, framework or application on the server chose this code.'],
    checks: [
      'Find out which library or framework the server uses and look the code up in its documentation.',
      'Read the close reason: app-defined codes often come with one.',
    ],
  },
  private: {
    name: 'Private use',
    severity: 'warn',
    summary: 'Private use: the application defines what it means',
    meaning:
      "Codes 4000-4999 are the application's own, used without registration; the meaning is " +
      'whatever that application says.',
    sentBy: 'Either side (app-defined).',
    causes: ['The server application (or a library it uses) closed with one of its own codes.'],
    checks: [
      "Look the code up in the server application's or its WebSocket library's documentation.",
      'Read the close reason: app-defined codes often come with one.',
      'Socket.IO and Phoenix use no custom codes, and SignalR only 1000 or 1011, so the code is not theirs.',
    ],
  },
  invalid: {
    name: 'Invalid (outside the code space)',
    severity: 'error',
    summary: 'Outside the close code space: a protocol violation',
    meaning:
      'Codes 5000 and above are outside the code space of RFC 6455; a close frame carrying one ' +
      'is a protocol violation.',
    sentBy: 'Nobody legitimately.',
    causes: ['A server bug: it sent a code of 5000 or more in its close frame.'],
    checks: [FIX_SERVER_CODE],
  },
};

/** For values that are not whole numbers 0-65535: no frame or CloseEvent can carry them. */
export const NOT_A_CODE_TEXT: CodeText = {
  name: 'Not a close code',
  severity: 'error',
  summary: 'Not a valid close code: close codes are whole numbers from 0 to 65535',
  meaning:
    'A close code is a 16-bit unsigned integer (0-65535); this value is not one, so no close ' +
    'frame or close event can carry it.',
  sentBy: 'Nobody.',
  causes: [],
  checks: ['Check where the value came from: a close event always reports a whole number 0-65535.'],
};
