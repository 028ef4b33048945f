import { describe, expect, it } from 'vitest';
import { PreviewLog } from '../../../src/log/preview-log';
import type { SocketRecord } from '../../../src/log/socket-record';
import { SocketTable } from '../../../src/log/socket-table';
import { summaryFromCreated } from '../../../src/protocol/summary-fold';
import { ev } from '../event-builders';

const record = (n: number): SocketRecord => ({
  ...summaryFromCreated('d', ev.created(n, n)),
  frameId: 0,
  handshake: null,
  messages: PreviewLog.empty(),
});

describe('SocketTable', () => {
  it('adds and replaces records in new versions, leaving earlier ones as they were', () => {
    const draft = SocketTable.empty().edit();
    for (let n = 1; n <= 600; n++) draft.push(record(n));
    const v1 = draft.done();
    const edit = v1.edit();
    edit.set(300, { ...record(301), url: 'ws://changed/' });
    edit.push(record(601));
    const v2 = edit.done();
    expect([v1.size, v2.size]).toEqual([600, 601]);
    expect(v1.get(300)?.url).toBe('ws://x.test/301');
    expect(v2.get(300)?.url).toBe('ws://changed/');
    expect(v1.byId('d:601')).toBeUndefined();
    expect(v2.byId('d:601')?.socket).toBe(601);
    expect([...v2].length).toBe(601);
  });

  it('does not see ids that a later version added to the shared index', () => {
    const v1 = SocketTable.empty();
    const d = v1.edit();
    d.push(record(1));
    d.done();
    expect(v1.slotOf('d:1')).toBeUndefined();
  });
});
