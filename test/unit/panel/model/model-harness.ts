import type { PanelModelDeps } from '../../../../src/panel/model/panel-model';
import { PanelModel } from '../../../../src/panel/model/panel-model';
import type { PanelRequest } from '../../../../src/protocol/runtime-messages';
import type { MemoryExtensionStorage } from '../../memory-extension-storage';
import { MemoryPort } from '../../memory-port';

/**
 * A live panel model without a browser: ports in memory, frames and timers run when the test
 * says so, storage in a Map.
 */
export function liveModel(
  options: {
    connect?: () => MemoryPort<PanelRequest>;
    storage?: PanelModelDeps['storage'];
    extensionStorage?: MemoryExtensionStorage;
  } = {},
) {
  const ports: MemoryPort<PanelRequest>[] = [];
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const saved = new Map<string, string>();
  let clock = 10_000;
  const model = new PanelModel({
    storage: options.storage ?? {
      getItem: (k) => saved.get(k) ?? null,
      setItem: (k, v) => void saved.set(k, v),
    },
    now: () => clock,
    schedule: (fn) => void frames.push(fn),
    setTimeout: (fn) => void timers.push(fn),
    ...(options.extensionStorage ? { extensionStorage: options.extensionStorage } : {}),
    live: {
      tabId: 7,
      connect:
        options.connect ??
        (() => {
          const port = new MemoryPort<PanelRequest>();
          ports.push(port);
          return port;
        }),
    },
  });
  return {
    model,
    ports,
    port: () => {
      const p = ports[ports.length - 1];
      if (!p) throw new Error('no port opened');
      return p;
    },
    /** Runs the pending animation frame(s). */
    frame: () => frames.splice(0).forEach((fn) => fn()),
    runTimers: () => timers.splice(0).forEach((fn) => fn()),
    advance: (ms: number) => (clock += ms),
    saved,
  };
}
