// The command-line door (`npm run cli -- <command>`): headless use by IT staff and scripts, on the
// same core and API as the app. Global options: --db (or SCHOOLPROTOCOL_DB) and --key-stdin; the
// key also comes from SCHOOLPROTOCOL_KEY, for test databases from the key file "<db>.key", or is
// asked without echo on a terminal, never from an argument (context.ts). Messages are Dutch; the
// key is never printed, except once by `init` when it makes a new one.
// The commands are registered in program.ts (one line per command group; see its header).
import { runCli } from './program';
import { promptSecret } from './prompt';

runCli(process.argv, {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdinIsTTY: process.stdin.isTTY === true,
  promptSecret,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Fout: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
