// What every CLI command gets: the database path from --db or the environment, the database key,
// a way to open the core, output helpers, and CliError for a clean Dutch failure.
// Keys never come from the command line: there every user of the computer sees them (ps) and npm
// writes them to its debug log. The database key comes from --key-stdin (a pipe, or a hidden prompt
// on a terminal), SCHOOLPROTOCOL_KEY, the key file "<db>.key" of a test database, or, on a
// terminal, a hidden prompt. The key is never printed (only `init` shows a new key once).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { safeUserName } from '../app/core';
import type { Core } from '../app/core';
import { openHost } from '../app/host';
import { KEY_RE } from '../db/open';
import { readKeyFile } from '../security/devKeyFile';
import { requiredLine } from '@shared/api/common';

/** A failure the user can act on: its Dutch message goes to stderr and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Refusal of a key given as an argument, saying how to give it instead. */
export const keyOnCommandLine = (which: string, how: string) =>
  `Geef de ${which} niet mee op de opdrachtregel: daar kunnen andere gebruikers van deze computer hem zien ` +
  `(bijvoorbeeld met ps) en npm schrijft hem in zijn debuglog. ${how} Er is niets gedaan.`;

const KEY_HOW =
  'Zet hem in de omgevingsvariabele SCHOOLPROTOCOL_KEY, of stuur hem via stdin met --key-stdin. ' +
  'Op een terminal zonder SCHOOLPROTOCOL_KEY vraagt de opdrachtregel erom, zonder hem te tonen.';

/** `--key` in any form, wherever it stands (runCli refuses it before parsing). */
export const isKeyArgument = (arg: string) => /^--key(=|$)/.test(arg);
export const KEY_ARGUMENT_REFUSED = keyOnCommandLine('databasesleutel', KEY_HOW);

export interface GlobalOptions {
  db?: string;
  keyStdin?: boolean;
  wie?: string;
}

const personText = requiredLine(150);

export interface CliContext {
  /** The database file (absolute), from --db or SCHOOLPROTOCOL_DB. */
  dbPath(): string;
  /**
   * Runs before every command's action: reads the key from stdin (--key-stdin), or asks for it on
   * a terminal when nothing else gives it (not for `init`, which makes a new key).
   */
  prepareKey(command: Command): Promise<void>;
  /** The key from --key-stdin or the prompt, SCHOOLPROTOCOL_KEY or the key file "<db>.key"; null when none is given. */
  keyOrNull(): string | null;
  key(): string;
  /**
   * Who the changes are recorded under: --wie or SCHOOLPROTOCOL_WIE ("Marianne Hoekstra (rector)"),
   * else the OS account, marked as such (and said so on a terminal).
   */
  actor(): string;
  /** Opens the core on an existing database (or creates it with `create`). Close it when done. */
  openCore(opts?: { create?: boolean; key?: string }): Core;
  out(line?: string): void;
  err(line: string): void;
  json(value: unknown): void;
  /** The process's exit code when the command ends (set 1 for "ran, but found a problem"). */
  exitCode: number;
  /** The command's standard input (for `call METHOD -`). */
  readStdin(): string;
  /** A secret from stdin: asked without echo on a terminal, else read from the pipe (once). */
  readSecret(question: string): Promise<string>;
}

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  readStdin?(): string;
  /** Standard input is a terminal (a person can be asked). */
  stdinIsTTY?: boolean;
  /** Asks on the terminal without showing what is typed (prompt.ts). */
  promptSecret?(question: string): Promise<string>;
}

export function makeContext(program: Command, io: CliIo): CliContext {
  const globals = () => program.opts<GlobalOptions>();
  const terminal = () => !!io.stdinIsTTY && !!io.promptSecret;
  /** The key read by prepareKey (from stdin or the prompt), if any. */
  let given: string | null = null;
  /** A pipe can be read once: what it held went to a key. */
  let pipeUsed = false;
  let accountNoticeGiven = false;
  const checkKey = (k: string): string => {
    if (!KEY_RE.test(k)) throw new CliError('De sleutel moet 64 hexadecimale tekens zijn (0-9, a-f).');
    return k.toLowerCase();
  };
  const ctx: CliContext = {
    dbPath() {
      const p = globals().db ?? (process.env.SCHOOLPROTOCOL_DB || undefined);
      if (!p) throw new CliError('Geef de database op met --db <bestand> of de omgevingsvariabele SCHOOLPROTOCOL_DB.');
      return path.resolve(p);
    },
    async prepareKey(command) {
      if (globals().keyStdin) {
        given = checkKey((await ctx.readSecret('Databasesleutel (wordt niet getoond): ')).trim());
        return;
      }
      if (command.name() === 'init' || process.env.SCHOOLPROTOCOL_KEY || !terminal()) return;
      let dbPath: string;
      try {
        dbPath = ctx.dbPath();
      } catch {
        return; // the command says what is missing
      }
      if (!fs.existsSync(dbPath) || ctx.keyOrNull()) return;
      const answer = (await io.promptSecret!('Databasesleutel (wordt niet getoond): ')).trim();
      if (answer) given = checkKey(answer);
    },
    keyOrNull() {
      if (given) return given;
      const k = process.env.SCHOOLPROTOCOL_KEY || null;
      if (k !== null) return checkKey(k);
      try {
        return readKeyFile(ctx.dbPath());
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    },
    key() {
      const k = ctx.keyOrNull();
      if (!k) throw new CliError(`Geef de databasesleutel op. ${KEY_HOW}`);
      return k;
    },
    actor() {
      const named = globals().wie ?? (process.env.SCHOOLPROTOCOL_WIE || undefined);
      if (named !== undefined) {
        const r = personText.safeParse(named);
        if (!r.success)
          throw new CliError(
            `--wie (of SCHOOLPROTOCOL_WIE): ${r.error.issues[0].message} Geef naam en functie op, bijvoorbeeld --wie "Marianne Hoekstra (rector)".`,
          );
        return r.data;
      }
      const account = safeUserName();
      // Scripts run the same command often and read stderr for errors; a person at a terminal is told once.
      if (io.stdinIsTTY && !accountNoticeGiven) {
        accountNoticeGiven = true;
        io.err(
          `Let op: wijzigingen komen op naam van het computeraccount ${account}. Geef met --wie "naam (functie)" of SCHOOLPROTOCOL_WIE op wie er werkt.\n`,
        );
      }
      return `${account} (computeraccount)`;
    },
    openCore(opts = {}) {
      const dbPath = ctx.dbPath();
      const actor = ctx.actor();
      if (!opts.create && !fs.existsSync(dbPath)) throw new CliError(`De database ${dbPath} bestaat niet. Maak hem eerst aan met: init`);
      const opened = openHost({
        dbPath,
        key: opts.key ?? ctx.key(),
        create: opts.create,
        actor,
        log: (line) => io.err(line + '\n'),
        // A bug behind the generic Dutch message: show the details to IT staff (never the key).
        onInternalError: (method, e) => io.err(`[interne fout in ${method}] ${(e as Error)?.stack ?? String(e)}\n`),
      }, false);
      if (!opened.ok) throw new CliError(opened.message);
      return opened.host.core;
    },
    out: (line = '') => io.out(line + '\n'),
    err: (line) => io.err(line + '\n'),
    json: (value) => io.out(JSON.stringify(value, null, 2) + '\n'),
    exitCode: 0,
    readStdin() {
      if (pipeUsed)
        throw new CliError(
          'Via stdin komt al een sleutel; er kan niet ook invoer via stdin komen. Zet de sleutel dan in een omgevingsvariabele (SCHOOLPROTOCOL_KEY, SCHOOLPROTOCOL_HERSTELSLEUTEL).',
        );
      if (!io.stdinIsTTY) pipeUsed = true;
      return io.readStdin ? io.readStdin() : fs.readFileSync(0, 'utf8');
    },
    async readSecret(question) {
      return terminal() ? io.promptSecret!(question) : ctx.readStdin();
    },
  };
  return ctx;
}

/** A Result's error as one Dutch line (with the fields at fault). */
export function describeError(error: { message: string; fields?: Record<string, string> }): string {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length <= 1) return error.message;
  return `${error.message}\n${fields.map(([f, m]) => `  ${f}: ${m}`).join('\n')}`;
}
