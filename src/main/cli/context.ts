// What every CLI command gets: the database path and key from the global options or the
// environment, a way to open the core, output helpers, and CliError for a clean Dutch failure.
// The key is never printed (only `init` shows a new key once).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Core } from '../core/core';
import { KEY_RE } from '../db/open';
import { readKeyFile } from '../preview/keyFile';

/** A failure the user can act on: its Dutch message goes to stderr and the process exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  db?: string;
  key?: string;
}

export interface CliContext {
  /** The database file (absolute), from --db or SCHOOLPROTOCOL_DB. */
  dbPath(): string;
  /** The key from --key, SCHOOLPROTOCOL_KEY or the key file "<db>.key"; null when none is given. */
  keyOrNull(): string | null;
  key(): string;
  /** Opens the core on an existing database (or creates it with `create`). Close it when done. */
  openCore(opts?: { create?: boolean; key?: string }): Core;
  out(line?: string): void;
  err(line: string): void;
  json(value: unknown): void;
  /** The process's exit code when the command ends (set 1 for "ran, but found a problem"). */
  exitCode: number;
  /** The command's standard input (for `call METHOD -`). */
  readStdin(): string;
}

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  readStdin?(): string;
}

export function makeContext(program: Command, io: CliIo): CliContext {
  const globals = () => program.opts<GlobalOptions>();
  const ctx: CliContext = {
    dbPath() {
      const p = globals().db ?? (process.env.SCHOOLPROTOCOL_DB || undefined);
      if (!p) throw new CliError('Geef de database op met --db <bestand> of de omgevingsvariabele SCHOOLPROTOCOL_DB.');
      return path.resolve(p);
    },
    keyOrNull() {
      const k = globals().key ?? (process.env.SCHOOLPROTOCOL_KEY || null);
      if (k !== null) {
        if (!KEY_RE.test(k)) throw new CliError('De sleutel moet 64 hexadecimale tekens zijn (0-9, a-f).');
        return k.toLowerCase();
      }
      try {
        return readKeyFile(ctx.dbPath());
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    },
    key() {
      const k = ctx.keyOrNull();
      if (!k) throw new CliError('Geef de databasesleutel op met --key of de omgevingsvariabele SCHOOLPROTOCOL_KEY.');
      return k;
    },
    openCore(opts = {}) {
      const dbPath = ctx.dbPath();
      if (!opts.create && !fs.existsSync(dbPath)) throw new CliError(`De database ${dbPath} bestaat niet. Maak hem eerst aan met: init`);
      try {
        return Core.open({
          dbPath,
          key: opts.key ?? ctx.key(),
          create: opts.create,
          actor: `cli:${safeUser()}`,
          // A bug behind the generic Dutch message: show the details to IT staff (never the key).
          onInternalError: (method, e) => io.err(`[interne fout in ${method}] ${(e as Error)?.stack ?? String(e)}\n`),
        });
      } catch (e) {
        throw new CliError((e as Error).message);
      }
    },
    out: (line = '') => io.out(line + '\n'),
    err: (line) => io.err(line + '\n'),
    json: (value) => io.out(JSON.stringify(value, null, 2) + '\n'),
    exitCode: 0,
    readStdin: () => (io.readStdin ? io.readStdin() : fs.readFileSync(0, 'utf8')),
  };
  return ctx;
}

function safeUser(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'gebruiker';
}

/** A Result's error as one Dutch line (with the fields at fault). */
export function describeError(error: { message: string; fields?: Record<string, string> }): string {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length <= 1) return error.message;
  return `${error.message}\n${fields.map(([f, m]) => `  ${f}: ${m}`).join('\n')}`;
}
