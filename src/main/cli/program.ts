// The CLI's commands, assembled, and runCli(argv, io) → exit code. main.ts runs it as a process;
// tests run it in-process (the same code, without a process start per check).
//
// Adding a command group (letter, dossier, obligations, report, calendar, export, import, backup,
// restore, …): create src/main/cli/commands/<group>.ts exporting
//     export function register(program: Command, ctx: CliContext): void { program.command('…')… }
// (see commands/seedDemo.ts for a small one: throw CliError for a Dutch failure with exit code 1,
// set ctx.exitCode = 1 for "ran, but found a problem", use ctx.openCore() and close it in
// `finally`, print with ctx.out / ctx.json, never print the key), then add ONE line to COMMANDS.
import { Command, CommanderError } from 'commander';
import { CliError, isKeyArgument, KEY_ARGUMENT_REFUSED, makeContext } from './context';
import type { CliContext, CliIo } from './context';
import * as init from './commands/init';
import * as seedDemo from './commands/seedDemo';
import * as incidents from './commands/incidents';
import * as verify from './commands/verify';
import * as call from './commands/call';
import * as obligations from './commands/obligations';
import * as report from './commands/report';
import * as calendar from './commands/calendar';
import * as exportCmd from './commands/export';
import * as letters from './commands/letters';
import * as imports from './commands/imports';
import * as backup from './commands/backup';
import * as trust from './commands/trust';

type Register = (program: Command, ctx: CliContext) => void;

/** Every command group, in the order --help shows them. */
const COMMANDS: Register[] = [init.register, seedDemo.register, incidents.register, verify.register, call.register, obligations.register, report.register, calendar.register, exportCmd.register, letters.register, imports.register, backup.register, trust.register];

function buildProgram(io: CliIo): { program: Command; ctx: CliContext } {
  const program = new Command();
  program
    .name('schoolprotocol')
    .description('Schoolprotocol op de opdrachtregel (command line)')
    .option('--db <bestand>', 'de database (of SCHOOLPROTOCOL_DB)')
    .option('--key-stdin', 'lees de databasesleutel van stdin (op een terminal: gevraagd zonder te tonen); anders SCHOOLPROTOCOL_KEY')
    .option('--wie <naam>', 'wie er werkt, voor het logboek, bijvoorbeeld "Marianne Hoekstra (rector)" (of SCHOOLPROTOCOL_WIE); anders het computeraccount')
    .showHelpAfterError('(gebruik --help voor de mogelijkheden)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: (s, write) => write(s.replace(/^error:/, 'fout:')),
    });
  const ctx = makeContext(program, io);
  program.hook('preAction', (_program, command) => ctx.prepareKey(command));
  for (const register of COMMANDS) register(program, ctx);
  // exitOverride is not inherited by subcommands created before it; set it on every one.
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) c.exitOverride();
  return { program, ctx };
}

/** Runs one command line (argv as process.argv: node, script, …args) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { program, ctx } = buildProgram(io);
  try {
    // Refused before parsing, so also on a line that would only show the help (context.ts says why).
    if (argv.slice(2).some(isKeyArgument)) throw new CliError(KEY_ARGUMENT_REFUSED);
    await program.parseAsync(argv);
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CliError) {
      ctx.err(`Fout: ${e.message}`);
      return e.exitCode;
    }
    ctx.err(`Fout: er ging iets onverwachts mis: ${(e as Error)?.message ?? String(e)}`);
    return 2;
  }
}
