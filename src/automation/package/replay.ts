// websocket-close-inspector/replay: a stand-in for a recorded server, for the tests the
// `replay` command (or the panel's "Playwright test" export) writes. Needs `ws` installed.
export { startReplay } from '../replay/replay-server';
export type { InitScriptTarget, Replay, ReplayOptions } from '../replay/replay-server';
export { redirectSockets } from '../replay/redirect-sockets';
export type { RedirectRoutes } from '../replay/redirect-sockets';
export { replayPlan } from '../../replay/replay-plan';
export type {
  ReplayEnd,
  ReplayExpectation,
  ReplayPlan,
  ReplaySocket,
  ReplayStep,
} from '../../replay/replay-plan';
export { replayTestSource } from '../../replay/replay-test-source';
