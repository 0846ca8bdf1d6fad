// The command-line door (`npm run cli -- <command>`): headless use by IT staff and scripts, on the
// same core and API as the app. Global options: --db (or SCHOOLPROTOCOL_DB) and --key-stdin; the
// key also comes from SCHOOLPROTOCOL_KEY, for test databases from the key file "<db>.key", or is
// asked without echo on a terminal, never from an argument (context.ts). Messages are Dutch; the
// key is never printed, except once by `init` when it makes a new one.
// The commands are registered in program.ts (one line per command group; see its header).
// Built, this is out/main/cli.js (electron.vite.config.ts, run by scripts/cli.mjs): Node's compile
// cache (in the temporary folder) keeps the compiled code of the bundle and its packages, so from
// the second command on each starts about a quarter faster; it is switched on before the rest is
// imported, hence the dynamic imports.
import module from 'node:module';

module.enableCompileCache?.();
const { runCli } = await import('./program');
const { promptSecret } = await import('./prompt');

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
