import { describe, expect, it } from 'vitest';
import { wamp } from '../../../../src/protocols/wamp';
import type { MessagePreview } from '../../../../src/protocols';
import { message } from '../captures';

// No WAMP router runs in Node here: messages follow the WAMP basic profile (wamp-proto rfc/text/basic).
function run(...messages: MessagePreview[]) {
  const session = wamp.createSession({
    url: 'ws://h/ws',
    protocols: ['wamp.2.json'],
    protocol: 'wamp.2.json',
  });
  return messages.map((m) => session.decode(m));
}

describe('WAMP v2 JSON', () => {
  it('names messages by type code and the URI they are about', () => {
    const out = run(
      message('sent', '[1,"realm1",{"roles":{"caller":{}}}]'),
      message('received', '[2,9129137332,{"roles":{"broker":{}}}]'),
      message('sent', '[48,7814135,{},"com.myapp.ping"]'),
      message('sent', '[32,713845233,{},"com.myapp.mytopic1"]'),
      message('received', '[8,48,7814135,{},"wamp.error.no_such_procedure"]'),
    );
    expect(out.map((d) => d.summary)).toEqual([
      'HELLO realm1',
      'WELCOME',
      'CALL com.myapp.ping',
      'SUBSCRIBE com.myapp.mytopic1',
      'ERROR wamp.error.no_such_procedure',
    ]);
    expect(out.map((d) => d.event)).toEqual([
      undefined,
      undefined,
      'com.myapp.ping',
      'com.myapp.mytopic1',
      'wamp.error.no_such_procedure',
    ]);
  });

  it('ABORT and GOODBYE are goodbyes; the goodbye_and_out reply is not', () => {
    const out = run(
      message('received', '[3,{"message":"The realm does not exist."},"wamp.error.no_such_realm"]'),
      message('received', '[6,{"message":"The host is shutting down now."},"wamp.close.system_shutdown"]'),
      message('sent', '[6,{},"wamp.close.goodbye_and_out"]'),
    );
    expect(out[0]?.goodbye).toMatchObject({
      name: 'ABORT',
      code: 'wamp.error.no_such_realm',
      reason: 'The realm does not exist.',
    });
    expect(out[1]?.goodbye?.explanation).toBe(
      'The router closed the session (GOODBYE, answered by a GOODBYE): the router is shutting down.',
    );
    expect(out[2]?.goodbye).toBeUndefined();
  });

  it('unknown codes and non-arrays are reported', () => {
    const out = run(message('received', '[99]'), message('received', '{"a":1}'));
    expect(out.map((d) => d.error)).toEqual(['not a WAMP message type', 'expected [type code, ...]']);
  });
});
