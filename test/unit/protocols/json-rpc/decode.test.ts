import { describe, expect, it } from 'vitest';
import { jsonRpc } from '../../../../src/protocols/json-rpc';
import type { MessagePreview } from '../../../../src/protocols';
import { message } from '../captures';

// Messages from the JSON-RPC 2.0 specification's examples.
function run(...messages: MessagePreview[]) {
  const session = jsonRpc.createSession({ url: 'ws://h/rpc', protocols: [], protocol: '' });
  return messages.map((m) => session.decode(m));
}

describe('JSON-RPC 2.0', () => {
  it('requests, notifications, results and errors', () => {
    const out = run(
      message('sent', '{"jsonrpc":"2.0","method":"subtract","params":[42,23],"id":1}'),
      message('received', '{"jsonrpc":"2.0","result":19,"id":1}'),
      message('sent', '{"jsonrpc":"2.0","method":"update","params":[1,2,3,4,5]}'),
      message('received', '{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":"1"}'),
      message('received', '{"jsonrpc":"2.0","error":{"code":-32050,"message":"busy"},"id":null}'),
    );
    expect(out.map((d) => d.summary)).toEqual([
      'request subtract 1',
      'result 1',
      'notification update',
      'error 1 -32601 Method not found "Method not found"',
      'error -32050 Server error "busy"',
    ]);
    expect(out.map((d) => d.event)).toEqual(['subtract', undefined, 'update', undefined, undefined]);
  });

  it('a batch is one row with its parts; an empty batch is invalid', () => {
    const out = run(
      message(
        'sent',
        '[{"jsonrpc":"2.0","method":"sum","params":[1,2,4],"id":"1"},{"jsonrpc":"2.0","method":"notify_hello","params":[7]},1]',
      ),
      message('sent', '[]'),
    );
    expect(out[0]?.summary).toBe('batch of 3: request sum 1 · notification notify_hello · invalid entry');
    expect(out[0]?.parts).toHaveLength(3);
    expect(out[1]?.error).toBe('an empty batch is an Invalid Request');
  });
});
