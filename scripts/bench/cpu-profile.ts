import type { CdpTarget } from '../../test/support/cdp-target';

/** V8's sampling CPU profile, as CDP's Profiler.stop returns it. */
interface Profile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

type CallFrame = Profile['nodes'][number]['callFrame'];
/** Whether a frame is the code being measured: the extension's, unless told otherwise. */
export type FrameTest = (frame: CallFrame) => boolean;
const isExtension: FrameTest = (frame) => frame.url.startsWith('chrome-extension://');

export interface FunctionTime {
  /** `name (file:line:column)` of a function of the extension. */
  where: string;
  selfUs: number;
}

export interface ProfileFigures {
  /** Main-thread µs per message in samples whose stack holds a frame of the extension (or of `ours`). */
  extensionUs: number;
  /** The page's busy main-thread µs per message: every sample but idle ones. */
  busyUs: number;
  /** The extension's functions by self time, heaviest first, in µs per message. */
  functions: FunctionTime[];
  profile: Profile;
}

/**
 * Samples the page's main thread every 50 µs while `workload` runs. Unlike a throughput ratio
 * between two browsers, which moves with whatever else the machine does, the time spent in the
 * extension's own frames per message hardly does: it is what the recorder costs the page.
 */
export async function profilePage(
  cdp: CdpTarget,
  messages: number,
  workload: () => Promise<unknown>,
  ours: FrameTest = isExtension,
): Promise<ProfileFigures> {
  let stopped: Promise<{ profile: Profile }>;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  try {
    await workload();
  } finally {
    stopped = cdp.send<{ profile: Profile }>('Profiler.stop');
  }
  const { profile } = await stopped;
  await cdp.send('Profiler.disable');
  return figures(profile, messages, ours);
}

/**
 * The natives the recorder wraps: a sample in one of them is the page's own call (its send()),
 * which costs the page as much without the extension, even with the wrapper below it.
 */
const WRAPPED = new Set(['send', 'close', 'WebSocket']);

export function figures(profile: Profile, messages: number, ours: FrameTest = isExtension): ProfileFigures {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inExtension = new Map<number, boolean>();
  const holdsExtension = (id: number): boolean => {
    const known = inExtension.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value = (!!node && ours(node.callFrame)) || (up !== undefined && holdsExtension(up));
    inExtension.set(id, value);
    return value;
  };
  let extension = 0;
  let busy = 0;
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    // A sample's delta is the time since the previous one: it belongs to this sample's stack.
    const dt = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    busy += dt;
    const f = node.callFrame;
    if (!holdsExtension(id) || (f.url === '' && WRAPPED.has(f.functionName))) return;
    extension += dt;
    const where = ours(f)
      ? `${f.functionName || '(anonymous)'} (${f.url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1})`
      : `${f.functionName || '(anonymous)'} [native, called by the extension]`;
    self.set(where, (self.get(where) ?? 0) + dt);
  });
  const functions = [...self]
    .map(([where, us]) => ({ where, selfUs: us / messages }))
    .sort((a, b) => b.selfUs - a.selfUs);
  return { extensionUs: extension / messages, busyUs: busy / messages, functions, profile };
}
