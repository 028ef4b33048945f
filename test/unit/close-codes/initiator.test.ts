import { describe, expect, it } from 'vitest';
import { initiatorOf } from '../../../src/close-codes/initiator';
import type { CloseFacts } from '../../../src/close-codes/types';

const base: CloseFacts = {
  code: 1006,
  reason: '',
  wasClean: false,
  opened: true,
  errored: false,
  closeCall: null,
};

describe('initiatorOf', () => {
  it('is the page whenever the page called close(), even if an error followed', () => {
    expect(initiatorOf({ ...base, errored: true, closeCall: { code: null, reason: null } })).toBe('page');
  });
  it('is the browser when an error event fired', () => {
    expect(initiatorOf({ ...base, errored: true })).toBe('browser');
    expect(initiatorOf({ ...base, errored: true, opened: false })).toBe('browser');
  });
  it('is the server when a close frame arrived', () => {
    expect(initiatorOf({ ...base, code: 1000, wasClean: true })).toBe('server');
  });
  it('is the network when the connection vanished', () => {
    expect(initiatorOf(base)).toBe('network');
  });
});
