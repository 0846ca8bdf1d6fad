// npx tsx scripts/render-report.ts — renders the yearly report (Jaarverslag, internal and for
// outside the school) and the evaluation pack of the demo school to .docx, then to PDF with LibreOffice and to PNG pages with pdftoppm, into
// test-artifacts/reports/. Fails on any error, so CI proves both open in a real word processor and
// people can look at the pages. Needs: libreoffice-writer, poppler-utils, fonts-liberation (Debian).
import fs from 'node:fs';
import path from 'node:path';
import { withDemoCore, toPdfAndPng } from './renderDocs';

const OUT = path.resolve(import.meta.dirname, '..', 'test-artifacts', 'reports');

async function main(): Promise<void> {
  await withDemoCore(OUT, 'render-report', async (core, call, dir) => {
    const busiest = core.db
      .prepare('SELECT schooljaar FROM incident GROUP BY schooljaar ORDER BY count(*) DESC, schooljaar DESC LIMIT 1')
      .get() as { schooljaar: string };
    const year = busiest.schooljaar;

    const files: string[] = [];
    const report = await call('reports.yearDocx', { schooljaar: year });
    fs.writeFileSync(path.join(OUT, '1-jaarverslag.docx'), Buffer.from(report.inhoudBase64, 'base64'));
    files.push('1-jaarverslag.docx');
    console.log(`Jaarverslag ${year}: ${report.bestandsnaam}`);
    // The version that leaves the school: small counts about people as "< 5", charts kept.
    const extern = await call('reports.yearDocx', { schooljaar: year, extern: true });
    fs.writeFileSync(path.join(OUT, '3-jaarverslag-extern.docx'), Buffer.from(extern.inhoudBase64, 'base64'));
    files.push('3-jaarverslag-extern.docx');
    console.log(`Jaarverslag ${year}, versie voor buiten de school: ${extern.bestandsnaam}`);

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

    toPdfAndPng(OUT, files, dir);
  });
}

main().catch((e: unknown) => {
  console.error(`render-report mislukt: ${(e as Error)?.message ?? String(e)}`);
  process.exitCode = 1;
});
