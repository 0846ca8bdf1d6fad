// npx tsx scripts/render-report.ts — renders the yearly report (Jaarverslag) and the evaluation pack
// of the demo school to .docx, then to PDF with LibreOffice and to PNG pages with pdftoppm, into
// test-artifacts/reports/. Fails on any error, so CI proves both open in a real word processor and
// people can look at the pages. Needs: libreoffice-writer, poppler-utils, fonts-liberation (Debian).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Core } from '../src/main/core/core';
import type { MethodName, Input, Output } from '../src/shared/api';

const OUT = path.resolve(import.meta.dirname, '..', 'test-artifacts', 'reports');

function need(cmd: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${cmd} ontbreekt: installeer het Debian-pakket ${pkg} (apt-get install -y ${pkg}).`);
  }
}

async function main(): Promise<void> {
  need('libreoffice', 'libreoffice-writer');
  need('pdftoppm', 'poppler-utils');
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-reports-'));
  const core = Core.open({ dbPath: path.join(dir, 'demo.db'), key: randomBytes(32).toString('hex'), create: true, actor: 'render-report' });
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await core.invoke(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  try {
    const demo = await call('school.loadDemo', {});
    console.log(`Demoschool geladen: ${demo.schoolNaam} (${demo.personen} personen, ${demo.meldingen} meldingen)`);
    const busiest = core.db
      .prepare('SELECT schooljaar FROM incident GROUP BY schooljaar ORDER BY count(*) DESC, schooljaar DESC LIMIT 1')
      .get() as { schooljaar: string };
    const year = busiest.schooljaar;

    const files: string[] = [];
    const report = await call('reports.yearDocx', { schooljaar: year });
    fs.writeFileSync(path.join(OUT, '1-jaarverslag.docx'), Buffer.from(report.inhoudBase64, 'base64'));
    files.push('1-jaarverslag.docx');
    console.log(`Jaarverslag ${year}: ${report.bestandsnaam}`);

    // An evaluation as a school would plan it, with last year's actions still open.
    const school = await call('school.get', {});
    const staff = core.db
      .prepare(`SELECT voornaam, tussenvoegsel, achternaam, functie FROM person WHERE soort = 'medewerker' ORDER BY id LIMIT 2`)
      .all() as {
      voornaam: string;
      tussenvoegsel: string | null;
      achternaam: string;
    }[];
    const naam = (p: (typeof staff)[number]) => [p.voornaam, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ');
    const deelnemers = [
      { naam: school?.antiPestNaam ?? naam(staff[0]), rol: 'anti_pestcoordinator' as const },
      { naam: naam(staff[1] ?? staff[0]), rol: 'schoolleiding' as const },
      { naam: 'Afvaardiging MR', rol: 'mr' as const },
    ];
    const endYear = Number(year.slice(5));
    const previous = await call('evaluations.plan', {
      datum: `${endYear - 1}-11-12`,
      tijdStart: '19:30',
      tijdEind: '21:00',
      locatie: 'Teamkamer',
      deelnemers,
    });
    const today = (await call('app.status', {})).vandaag;
    if (previous.datum <= today) {
      await call('evaluations.record', {
        id: previous.id,
        notulen: 'Het protocol is besproken.',
        acties: [
          { omschrijving: 'Ouderavond over groepsapps organiseren', eigenaar: deelnemers[0].naam, deadline: `${endYear}-02-01` },
          {
            omschrijving: 'Regel over foto’s op sociale media herschrijven',
            eigenaar: 'Werkgroep mediawijsheid',
            deadline: `${endYear}-03-15`,
          },
        ],
      });
    }
    const e = await call('evaluations.plan', {
      datum: `${endYear}-10-15`,
      tijdStart: '19:30',
      tijdEind: '21:00',
      locatie: 'Teamkamer',
      evaluatieSchooljaar: year,
      deelnemers,
    });
    const pack = await call('reports.evaluationPack', { evaluationId: e.id });
    fs.writeFileSync(path.join(OUT, '2-evaluatiepakket.docx'), Buffer.from(pack.inhoudBase64, 'base64'));
    files.push('2-evaluatiepakket.docx');
    console.log(`Evaluatiepakket: ${pack.bestandsnaam}`);

    // One LibreOffice run with its own profile folder (never a user's settings or a running instance).
    const profile = path.join(dir, 'lo-profile');
    execFileSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        OUT,
        ...files.map((f) => path.join(OUT, f)),
      ],
      {
        stdio: 'pipe',
        timeout: 300_000,
      },
    );
    for (const f of files) {
      const pdf = path.join(OUT, f.replace(/\.docx$/, '.pdf'));
      if (!fs.existsSync(pdf) || fs.statSync(pdf).size < 1000) throw new Error(`LibreOffice maakte geen PDF van ${f}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, pdf.replace(/\.pdf$/, '')], { stdio: 'pipe' });
    }
    const pngs = fs.readdirSync(OUT).filter((f) => f.endsWith('.png'));
    console.log(`${files.length} documenten, ${pngs.length} pagina's als PNG in ${path.relative(process.cwd(), OUT)}`);
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`render-report mislukt: ${(e as Error)?.message ?? String(e)}`);
  process.exitCode = 1;
});
