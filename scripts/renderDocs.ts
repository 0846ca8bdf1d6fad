// What the render scripts share: the Debian tools they need, a core with the demo school on a fresh
// encrypted database, and one LibreOffice run that turns .docx into PDF, then pdftoppm into PNG.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Core } from '../src/main/app/core';
import type { MethodName, Input, Output } from '../src/shared/api';

export type Call = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

function need(cmd: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} ontbreekt: installeer het Debian-pakket ${pkg} (apt-get install -y ${pkg}).`);
  }
}

/** Empties `out`, opens a core on a temp database with the demo school, runs `fn`, cleans up. */
export async function withDemoCore(out: string, actor: string, fn: (core: Core, call: Call, dir: string) => Promise<void>): Promise<void> {
  need('libreoffice', 'libreoffice-writer');
  need('pdftoppm', 'poppler-utils');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sp-${actor}-`));
  const core = Core.open({ dbPath: path.join(dir, 'demo.db'), key: randomBytes(32).toString('hex'), create: true, actor });
  const call: Call = async (method, input) => {
    const r = await core.invoke(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  try {
    const demo = await call('school.loadDemo', {});
    console.log(`Demoschool geladen: ${demo.schoolNaam} (${demo.personen} personen, ${demo.meldingen} meldingen)`);
    await fn(core, call, dir);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One LibreOffice run for all documents (starting it is the slow part), with its own profile folder
 * so it never touches a user's settings or clashes with a running instance; then PNG pages.
 */
export function toPdfAndPng(out: string, files: string[], workDir: string): void {
  const profile = path.join(workDir, 'lo-profile');
  execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.map((f) => path.join(out, f))], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  for (const f of files) {
    const pdf = path.join(out, f.replace(/\.docx$/, '.pdf'));
    if (!fs.existsSync(pdf) || fs.statSync(pdf).size < 1000) throw new Error(`LibreOffice maakte geen PDF van ${f}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
  }
  const pngs = fs.readdirSync(out).filter((f) => f.endsWith('.png'));
  console.log(`${files.length} documenten, ${pngs.length} pagina's als PNG in ${path.relative(process.cwd(), out)}`);
}
