import { describe, expect, it } from 'vitest';
import { buildCloseLog } from '../../../../src/export/close-log';
import { recordedHistory } from '../../page/recorded-history';
import { batch, ev, snapshot } from '../../event-builders';
import { exportFixture } from '../../export/export-fixture';
import { liveModel } from './model-harness';
import type { ExportScope } from '../../../../src/panel/model/panel-model';

const eventsMessage = (events: Parameters<typeof batch>[1], frameId = 0) => ({
  type: 'events' as const,
  frameId,
  batch: batch('d', events),
});

describe('PanelModel', () => {
  it('subscribes to its tab, and applies what arrives once per frame, as one new log', () => {
    const { model, port, frame } = liveModel();
    expect(port().posted).toEqual([{ type: 'subscribe', tabId: 7 }]);
    port().deliver(eventsMessage([ev.created(1, 1)]));
    port().deliver(eventsMessage([ev.open(1, 2), ev.message(1, 3)]));
    const before = model.log.value;
    expect(before.sockets.size).toBe(0);
    frame();
    expect(model.log.value.sockets.byId('d:1')).toMatchObject({ state: 'open', received: { messages: 1 } });
    expect(model.log.value.changes.from).toBe(before.version);
  });

  it('Pause stops recording; Resume asks the pages for their histories again', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1)]));
    frame();
    model.pause();
    port().deliver(eventsMessage([ev.created(2, 2)]));
    frame();
    expect(model.log.value.sockets.size).toBe(1);
    expect(model.log.value.pausedSince).not.toBeNull();
    model.resume();
    expect(model.log.value.pausedSince).toBeNull();
    expect(port().posted.at(-1)).toEqual({ type: 'subscribe', tabId: 7 });
  });

  it('Clear empties the list, forgets the selection and tells the background (badge)', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1), ev.closed(1, 2, 1006, false)]));
    frame();
    model.select('d:1');
    expect(model.selected.value?.id).toBe('d:1');
    model.clear();
    expect(model.log.value.sockets.size).toBe(0);
    expect(model.selectedId.value).toBeNull();
    expect(port().posted.at(-1)).toEqual({ type: 'clear', tabId: 7 });
  });

  it('resyncs after the service worker was stopped: reconnects, restates Preserve log, takes the snapshot', () => {
    const { model, port, ports, frame, runTimers } = liveModel();
    model.setPreserveLog(true);
    const live = [ev.created(1, 1), ev.open(1, 2)];
    // The page goes on while the worker is stopped: by the resync it has recorded more.
    const history = recordedHistory('d', [...live, ev.message(1, 3, 'missed'), ev.closed(1, 4, 1000)]);
    port().deliver(eventsMessage(live));
    frame();

    port().disconnect();
    expect(model.linkStatus.value.state).toBe('reconnecting');
    runTimers();
    expect(ports).toHaveLength(2);
    expect(port().posted).toEqual([
      { type: 'preserve-log', tabId: 7, on: true },
      { type: 'subscribe', tabId: 7 },
    ]);
    expect(model.linkStatus.value.state).toBe('connected');
    port().deliver({
      type: 'snapshot',
      frameId: 0,
      part: snapshot('d', history.lastSeq, history.summaries(), history.messages()),
    });
    frame();
    expect(model.log.value.sockets.byId('d:1')).toMatchObject({
      state: 'closed',
      received: { messages: 1 },
      close: { code: 1000 },
    });
  });

  it('reports a link that cannot be opened (extension reloaded) instead of failing silently', () => {
    const { model } = liveModel({
      connect: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    expect(model.linkStatus.value).toEqual({ state: 'failed', error: 'Extension context invalidated.' });
    expect(model.diagnostics.entries.value.map((e) => e.source)).toEqual(['link']);
  });

  it('opens an import in a read-only model of its own, and refuses a bad file without touching the tab', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1)]));
    frame();
    const at = new Date('2026-11-24T12:00:00Z');
    const file = JSON.stringify(buildCloseLog(exportFixture(), at, { previews: true }));
    model.openImport('log.json', file);
    const imported = model.imported.value;
    expect(imported).toMatchObject({ name: 'log.json', kind: 'close log' });
    expect(imported?.model.isLive).toBe(false);
    expect(imported?.model.log.value.frozenAt).toBe(at.getTime());
    expect(imported?.model.log.value.sockets.size).toBe(exportFixture().length);

    model.openImport('notes.txt', 'not a log');
    expect(model.importError.value).toMatch(/^Cannot open “notes.txt”: it is not JSON/);
    expect(model.imported.value).toBe(imported);
    expect(model.log.value.sockets.size).toBe(1);
    model.closeImport();
    expect(model.imported.value).toBeNull();
  });

  it('selects only what the filters show, and exports all or only the filtered sockets', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1, 'ws://chat/'), ev.created(2, 2, 'ws://feed/')]));
    frame();
    model.select('d:2');
    model.setFilter({ url: 'chat' });
    expect(model.selected.value).toBeNull();
    const at = new Date();
    const count = (scope: 'all' | 'filtered') =>
      (JSON.parse(model.exportAs('json', scope, at).text) as { sockets: unknown[] }).sockets.length;
    expect([count('all'), count('filtered')]).toEqual([2, 1]);
  });

  it('exports each socket’s protocol as the panel shows it, and an import keeps the file’s', () => {
    const { model, port, frame } = liveModel();
    port().deliver(
      eventsMessage([
        ev.created(1, 1, 'ws://h.test/socket.io/?EIO=4&transport=websocket'),
        ev.open(1, 2),
        ev.message(1, 3, '41', 'received'),
        ev.closed(1, 4, 1005, true),
        ev.created(2, 5, 'ws://h.test/feed'),
      ]),
    );
    frame();
    const feed = model.log.value.sockets.byId('d:2')!;
    model.decodeAs(feed, 'action-cable');
    const file = model.exportAs('json', 'all', new Date()).text;
    const sockets = (JSON.parse(file) as { sockets: { appProtocol?: { id: string; detectedBy: string } }[] })
      .sockets;
    expect(sockets.map((s) => s.appProtocol)).toEqual([
      { id: 'socket-io', name: 'Socket.IO', detectedBy: 'url' },
      { id: 'action-cable', name: 'Action Cable', detectedBy: 'user' },
    ]);

    model.decodeAs(feed, null);
    model.openImport('log.json', file);
    const imported = model.imported.value!.model;
    const [io, chosen] = [imported.log.value.sockets.byId('d:1')!, imported.log.value.sockets.byId('d:2')!];
    expect(imported.protocols.detections.value.of(chosen)).toMatchObject({
      protocol: { id: 'action-cable' },
      detectedBy: 'user',
      evidence: 'as the imported file says: by the user’s Decode as',
    });
    // No previews in the file: the goodbye it names stands in for the message.
    expect(io.messages.length).toBe(0);
    expect(io.fromFile?.application).toMatchObject({ protocol: 'socket-io', name: 'DISCONNECT' });
  });

  it('exports the selected socket, or its connection history: every socket to its endpoint', () => {
    const { model, port, frame } = liveModel();
    port().deliver(
      eventsMessage([
        ev.created(1, 1, 'ws://chat/room?attempt=1'),
        ev.created(2, 2, 'ws://feed/'),
        ev.created(3, 3, 'ws://chat/room?attempt=2'),
      ]),
    );
    frame();
    const ids = (scope: ExportScope) => model.socketsIn(scope).map((s) => s.id);
    expect([ids('selected'), ids('connection')]).toEqual([[], []]);
    model.select('d:3');
    expect(ids('selected')).toEqual(['d:3']);
    expect(ids('connection')).toEqual(['d:1', 'd:3']);
    const test = model.exportAs('replay-test', 'connection', new Date(0));
    expect(test.name).toBe('websocket-replay-1970-01-01T00-00-00.spec.ts');
    expect(test.text).toContain('url: "ws://chat/room?attempt=1"');
    expect(test.text).not.toContain('ws://feed/');
  });

  it('hands a fault control to the socket’s own frame', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(3, 1), ev.open(3, 2)], 5));
    frame();
    const socket = model.log.value.sockets.byId('d:3');
    if (!socket) throw new Error('no socket');
    model.inject(socket, { action: 'drop' });
    expect(port().posted.at(-1)).toMatchObject({
      type: 'inject',
      tabId: 7,
      frameId: 5,
      command: { doc: 'd', socket: 3, action: 'drop' },
    });
  });

  it('keeps settings, and says so when they cannot be saved', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    };
    const { model } = liveModel({ storage: full });
    model.setPrefs({ showTimeline: false });
    expect(model.prefs.value.showTimeline).toBe(false);
    expect(model.diagnostics.entries.value[0]?.message).toMatch(
      /could not be saved \(The quota has been exceeded.\)/,
    );
  });

  it("in a live tab, waits for the client's next retry before saying a connection never came back", () => {
    const { model, port, frame, runTimers, advance } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1), ev.open(1, 2), ev.closed(1, 3, 1006, false)]));
    frame();
    const verdict = () => model.groups.value[0]?.neverCameBackVerdict;
    expect(verdict()).toMatchObject({ waiting: true, neverCameBack: false });
    advance(10_000);
    runTimers();
    expect(verdict()).toMatchObject({ waiting: true });
    advance(30_000);
    runTimers();
    expect(verdict()).toMatchObject({ waiting: false, neverCameBack: true });
  });

  it('keeps its clock ticking when the log changes while a tick is due', () => {
    const { model, port, frame, runTimers, advance } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1), ev.open(1, 2), ev.closed(1, 3, 1006, false)]));
    frame();
    const verdict = () =>
      model.groups.value.find((g) => g.endpoint === 'ws://x.test/1')?.neverCameBackVerdict;
    expect(verdict()).toMatchObject({ waiting: true });
    // Another socket comes and goes before the tick: the groups change meanwhile.
    port().deliver(eventsMessage([ev.created(2, 4), ev.open(2, 5), ev.closed(2, 6, 1000, true)]));
    frame();
    for (let i = 0; i < 5; i++) {
      advance(10_000);
      runTimers();
    }
    expect(verdict()).toMatchObject({ waiting: false, neverCameBack: true });
  });

  it('names a recorder of another version instead of counting its messages as malformed', () => {
    const { model, port } = liveModel();
    port().deliver({ type: 'recorder-mismatch', frameId: 3, recorderVersion: 1, expectedVersion: 2 });
    expect(model.diagnostics.entries.value.map((e) => [e.source, e.message])).toEqual([
      [
        'recorder',
        expect.stringMatching(
          /^A recorder in frame 3 speaks page protocol version 1; this extension speaks 2/,
        ),
      ],
    ]);
    expect(model.log.value.rejected.count).toBe(0);
  });

  it('redacts secrets in exports and Copy summary unless the user includes them, with their own names', () => {
    const { model, port, frame } = liveModel();
    port().deliver(eventsMessage([ev.created(1, 1, 'ws://app.test/live?token=s3cret&apiKey=k3y&room=7')]));
    frame();
    const url = () =>
      (JSON.parse(model.exportAs('json', 'all', new Date()).text) as { sockets: { url: string }[] })
        .sockets[0]?.url;
    expect(url()).toBe('ws://app.test/live?token=[redacted]&apiKey=[redacted]&room=7');
    model.setPrefs({ secretNames: ['room'] });
    expect(url()).toBe('ws://app.test/live?token=s3cret&apiKey=k3y&room=[redacted]');
    const socket = model.log.value.sockets.byId('d:1');
    if (!socket) throw new Error('no socket');
    expect(model.summaryText(socket)).toContain('room=[redacted]');
    model.includeSecrets.value = true;
    expect(url()).toBe('ws://app.test/live?token=s3cret&apiKey=k3y&room=7');
    expect(model.summaryText(socket)).toContain('room=7');
  });
});
