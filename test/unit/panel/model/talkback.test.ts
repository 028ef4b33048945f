import { describe, expect, it, vi } from 'vitest';
import { batch, ev } from '../../event-builders';
import { MemoryExtensionStorage } from '../../memory-extension-storage';
import { liveModel } from './model-harness';

/** A live model with one open socket, 'd:3', in frame 5, its page at https://app.test/. */
function withSocket(storage = new MemoryExtensionStorage()) {
  const harness = liveModel({ extensionStorage: storage });
  harness.port().deliver({ type: 'page', url: 'https://app.test/chat?room=1' });
  harness
    .port()
    .deliver({ type: 'events', frameId: 5, batch: batch('d', [ev.created(3, 1), ev.open(3, 2)]) });
  harness.frame();
  const socket = harness.model.log.value.sockets.byId('d:3');
  if (!socket) throw new Error('no socket');
  const saved = harness.model.saved;
  if (!saved) throw new Error('no saved messages');
  return { ...harness, socket, saved, storage, composer: harness.model.composer };
}

describe('the composer', () => {
  it('sends the draft as the page, or injects it, through the socket’s own frame', () => {
    const { model, port, socket, composer } = withSocket();
    composer.setFormat('hex');
    composer.edit('ca fe');
    expect(composer.submit(socket, 'send')).toBe(true);
    expect(port().posted.at(-1)).toEqual({
      type: 'inject',
      tabId: 7,
      frameId: 5,
      command: expect.objectContaining({
        doc: 'd',
        socket: 3,
        action: 'send',
        message: { kind: 'binary', data: 'cafe' },
      }),
    });
    expect(composer.done.value).toBe('Sent 2 bytes as the page.');
    composer.setFormat('json');
    expect(composer.draft.value).toEqual({ format: 'json', body: 'ca fe' });
    expect(composer.submit(socket, 'receive')).toBe(false);
    expect(composer.done.value).toMatch(/^Not sent: Not valid JSON/);
    composer.edit('{"type":"hello"}');
    composer.layoutJson(true);
    expect(composer.draft.value.body).toBe('{\n  "type": "hello"\n}');
    composer.submit(socket, 'receive');
    expect(port().posted.at(-1)).toMatchObject({
      command: { action: 'receive', message: { kind: 'text', data: '{\n  "type": "hello"\n}' } },
    });
    expect(model.log.value.sockets.byId('d:3')?.tester.sent.messages).toBe(0); // the page reports what happened
  });

  it('loads a logged message to edit and send again', () => {
    const { composer } = withSocket();
    composer.load(ev.message(3, 9, '{"type":"ping"}'));
    expect(composer.draft.value).toEqual({ format: 'json', body: '{"type":"ping"}' });
  });
});

describe('saved messages', () => {
  it('are kept per site or for all sites, in the extension’s storage, and a new panel finds them', async () => {
    const { saved, storage } = withSocket();
    await vi.waitFor(() => expect(saved.loaded.value).toBe(true));
    expect(saved.origin.value).toBe('https://app.test');
    await saved.save('hello', { format: 'text', body: 'hi' });
    saved.setScope('global');
    await saved.save('ping', { format: 'json', body: '{"type":"ping"}' });
    expect(saved.status.value).toEqual({ ok: true, text: 'Saved “ping”.' });
    expect([...storage.data.keys()].sort()).toEqual([
      'saved-messages:global',
      'saved-messages:site:https://app.test',
    ]);

    const again = withSocket(storage).saved;
    await vi.waitFor(() => expect(again.site.value.map((m) => m.name)).toEqual(['hello']));
    expect(again.global.value.map((m) => m.name)).toEqual(['ping']);
  });

  it('open on the list that holds something until the user picks one', async () => {
    const storage = new MemoryExtensionStorage();
    const first = withSocket(storage).saved;
    await first.save('ping', { format: 'text', body: 'p' }, 'global');
    const again = withSocket(storage).saved;
    await vi.waitFor(() => expect(again.global.value).toHaveLength(1));
    expect(again.scope.value).toBe('global');
    again.setScope('site');
    expect(again.shown.value).toEqual([]);
  });

  it('show the list a message was just saved into', async () => {
    const { saved } = withSocket();
    await vi.waitFor(() => expect(saved.loaded.value).toBe(true));
    expect(saved.scope.value).toBe('site');
    await saved.save('everywhere', { format: 'text', body: 'hi' }, 'global');
    expect(saved.scope.value).toBe('global');
    expect(saved.shown.value.map((m) => m.name)).toEqual(['everywhere']);
    await saved.save('', { format: 'text', body: 'hi' }, 'site');
    expect(saved.status.value).toEqual({ ok: false, text: 'Give the message a name.' });
    expect(saved.scope.value).toBe('global');
  });

  it('follow the tab to another site', async () => {
    const { saved, port } = withSocket();
    await saved.save('here', { format: 'text', body: 'x' });
    port().deliver({ type: 'navigated', url: 'https://other.test/', at: 1 });
    await vi.waitFor(() => expect(saved.origin.value).toBe('https://other.test'));
    await vi.waitFor(() => expect(saved.loaded.value && saved.site.value).toEqual([]));
    port().deliver({ type: 'navigated', url: 'file:///tmp/page.html', at: 2 });
    expect(saved.scope.value).toBe('global');
  });

  it('say why nothing was saved when the browser refuses, and change nothing', async () => {
    const { saved, storage } = withSocket();
    storage.failWrites = 'QUOTA_BYTES quota exceeded';
    await saved.save('big', { format: 'text', body: 'x' });
    expect(saved.status.value).toEqual({
      ok: false,
      text: 'Nothing was changed: the browser’s storage said “QUOTA_BYTES quota exceeded”.',
    });
    expect(saved.site.value).toEqual([]);
  });

  it('show what another DevTools window saved, and do not undo it', async () => {
    const { saved, storage } = withSocket();
    await saved.save('mine', { format: 'text', body: 'a' });
    storage.setElsewhere('saved-messages:site:https://app.test', {
      version: 1,
      messages: [
        ...(storage.data.get('saved-messages:site:https://app.test') as { messages: unknown[] }).messages,
        { id: 'theirs', name: 'theirs', format: 'text', body: 'b', savedAt: 1 },
        { id: 'broken', name: '', format: 'text', body: 'c', savedAt: 1 },
      ],
    });
    await vi.waitFor(() => expect(saved.site.value.map((m) => m.name)).toEqual(['mine', 'theirs']));
    await saved.save('mine too', { format: 'text', body: 'c' });
    expect(saved.site.value.map((m) => m.name)).toEqual(['mine', 'theirs', 'mine too']);
  });

  it('export and import as a file; a bad file changes nothing and says why', async () => {
    const { saved } = withSocket();
    await saved.save('one', { format: 'base64', body: 'aGk=' });
    const file = saved.exportFile(new Date('2026-12-01T00:00:00Z'));
    saved.setScope('global');
    await saved.importFile(file.name, file.text);
    expect(saved.global.value.map((m) => [m.name, m.draft])).toEqual([
      ['one', { format: 'base64', body: 'aGk=' }],
    ]);
    expect(saved.status.value?.text).toBe('Imported 1 of 1 messages.');
    await saved.importFile('notes.txt', 'hello');
    expect(saved.status.value).toEqual({
      ok: false,
      text: expect.stringMatching(/^Cannot import “notes\.txt”: it is not JSON/),
    });
    expect(saved.global.value).toHaveLength(1);
  });

  it('one click sends a saved message to the selected socket', async () => {
    const { saved, socket, composer, port } = withSocket();
    await saved.save('ping', { format: 'json', body: '{"type":"ping"}' });
    const [ping] = saved.shown.value;
    if (!ping) throw new Error('not saved');
    composer.submitDraft(socket, 'receive', ping.draft, ping.name);
    expect(port().posted.at(-1)).toMatchObject({
      command: { action: 'receive', message: { data: '{"type":"ping"}' } },
    });
    expect(composer.done.value).toBe('Injected “ping” as if the server had sent it.');
  });
});
