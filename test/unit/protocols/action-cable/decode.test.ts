import { describe, expect, it } from 'vitest';
import { actionCable } from '../../../../src/protocols/action-cable';
import type { MessagePreview } from '../../../../src/protocols';
import { analyzeCapture, message, summaries } from '../captures';

function run(...messages: MessagePreview[]) {
  const session = actionCable.createSession({
    url: 'ws://h/cable',
    protocols: [],
    protocol: 'actioncable-v1-json',
  });
  return messages.map((m) => session.decode(m));
}

// test/fixtures/captures/action-cable.json: @rails/actioncable 8.1.400 against the spec-written server in Chromium.
describe('Action Cable on captured traffic', () => {
  const [chat, refused] = analyzeCapture('action-cable');

  it('decodes welcome, pings, subscriptions, actions and broadcasts', () => {
    expect(chat && summaries(chat)).toEqual([
      'welcome',
      'subscribe ChatChannel',
      'ping',
      'confirm_subscription ChatChannel',
      'message ChatChannel speak',
      'broadcast ChatChannel',
      'subscribe SecretChannel',
      'reject_subscription SecretChannel',
    ]);
    expect(chat?.messages.map((m) => m.decoded.event).filter(Boolean)).toEqual([
      'ChatChannel',
      'ChatChannel',
      'speak',
      'ChatChannel',
      'SecretChannel',
      'SecretChannel',
    ]);
  });

  it('disconnect unauthorized with reconnect false is the goodbye, and 1000 follows it', () => {
    expect(refused?.close?.goodbye).toMatchObject({
      name: 'disconnect',
      reason: 'unauthorized',
      reconnect: false,
    });
    expect(refused?.close?.closeCode?.name).toBe('Normal Closure (after disconnect)');
    // The page's own disconnect of the first consumer: no goodbye, so 1000 is not explained as one.
    expect(chat?.close?.closeCode).toBeNull();
  });
});

describe('Action Cable messages', () => {
  it('server_restart asks the client to reconnect', () => {
    const [d] = run(message('received', '{"type":"disconnect","reason":"server_restart","reconnect":true}'));
    expect(d?.goodbye).toMatchObject({ reconnect: true });
    expect(d?.goodbye?.explanation).toMatch(/restarting; reconnect is true/);
  });

  it('an identifier that is not JSON leaves the channel unnamed', () => {
    const [d] = run(message('sent', '{"command":"subscribe","identifier":"{nope"}'));
    expect(d).toMatchObject({ summary: 'subscribe' });
    expect(d?.event).toBeUndefined();
  });
});
