import { describe, expect, it } from 'vitest';
import {
  decodedMatches,
  intersectSorted,
  matchingDecoded,
} from '../../../../src/log/app-protocols/decoded-filter';
import { SocketDecoding } from '../../../../src/log/app-protocols/socket-decoding';
import { PreviewLog } from '../../../../src/log/preview-log';
import { protocolById } from '../../../../src/protocols';
import { ev } from '../../event-builders';

const phoenix = protocolById('phoenix');
const facts = { url: 'ws://h/socket/websocket?vsn=2.0.0', protocols: [], protocol: '' };

describe('matchingDecoded', () => {
  it('finds messages by decoded type or event name, any case, as they are decoded', () => {
    if (!phoenix) throw new Error('no Phoenix');
    let log = PreviewLog.of([
      ev.message(1, 1, '["1","1","room:lobby","phx_join",{}]', 'sent'),
      ev.message(1, 2, '["1","1","room:lobby","phx_reply",{"status":"ok","response":{}}]'),
      ev.message(1, 3, '[null,"2","phoenix","heartbeat",{}]', 'sent'),
      ev.message(1, 4, '["1",null,"room:lobby","new_msg",{"body":"hi"}]'),
    ]);
    const d = new SocketDecoding(phoenix, facts, log);
    d.advance(log);
    expect(matchingDecoded(d, log, 'PHX_')).toEqual([0, 1]);
    expect(matchingDecoded(d, log, 'heartbeat')).toEqual([2]);
    log = log.append(ev.message(1, 5, '["1",null,"room:lobby","new_msg",{"body":"again"}]'));
    d.advance(log);
    expect(matchingDecoded(d, log, 'new_msg')).toEqual([3, 4]);
    // For a version that dropped the oldest, only what it holds.
    expect(matchingDecoded(d, log.dropOldest(4), 'new_msg')).toEqual([4]);
  });

  it('matches a part of a message that holds several', () => {
    expect(
      decodedMatches(
        { type: 'a + b', summary: '', parts: [{ type: 'x', summary: '', event: 'Deep' }] },
        'deep',
      ),
    ).toBe(true);
    expect(decodedMatches({ type: 'ping', summary: 'ping' }, 'pong')).toBe(false);
  });

  it('intersects sorted ordinal lists', () => {
    expect(intersectSorted([1, 3, 5, 9], [0, 3, 4, 5, 10])).toEqual([3, 5]);
    expect(intersectSorted([], [1])).toEqual([]);
  });
});
