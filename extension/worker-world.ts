// Deep capture (Chromium): evaluated by the service worker's debugger session in each worker of
// an inspected tab, before the worker's own script runs. The same recorder as main-world.ts.
import { startWorkerRecorder } from '../src/page/start-recorder';

// eslint-disable-next-line page-world/no-unsafe-builtins -- before the worker's first script
startWorkerRecorder(self);
