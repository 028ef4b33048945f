// The files of the page's MAIN-world bundle (extension/main-world.ts, dist/recorder.js): what the
// page-world lint rule checks. A unit test bundles the entry and fails if it pulls in a file that
// is not listed here.
export const PAGE_WORLD_FILES = [
  'extension/main-world.ts',
  'extension/worker-world.ts',
  'src/page/**/*.ts',
  'src/intercept/**/*.ts',
  'src/primordials/**/*.ts',
  'src/protocol/envelope.ts',
  'src/protocol/inject-command.ts',
  'src/protocol/intercept-command.ts',
  'src/protocol/intercept-rules.ts',
  'src/protocol/summary-fold.ts',
  'src/protocol/sync-request.ts',
  'src/protocol/text-limits.ts',
  'src/protocol/utf8.ts',
];
