#!/usr/bin/env node
import { main } from './main';

// The `websocket-close-inspector` command. Anything unexpected is still one line, exit status 2:
// CI logs should say what went wrong, not where in this code.
main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (line) => process.stderr.write(`${line}\n`),
}).then(
  (status) => {
    process.exitCode = status;
  },
  (e: unknown) => {
    process.stderr.write(`websocket-close-inspector: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
