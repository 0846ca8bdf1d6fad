// npm run render:letters — renders every letter kind (and a dossier export) for the demo school, as a
// school leader would make them final, to .docx, then to PDF with LibreOffice and to PNG pages with
// pdftoppm, into test-artifacts/letters/. Fails on any error, so CI proves every kind opens in a real
// word processor. Needs: libreoffice-writer, poppler-utils, fonts-liberation (Debian).
import fs from 'node:fs';
import path from 'node:path';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isWeekend } from 'date-fns/isWeekend';
import { parseISO } from 'date-fns/parseISO';
import { Resvg } from '@resvg/resvg-js';
import type { Core } from '../src/main/app/core';
import { withDemoCore, toPdfAndPng } from './renderDocs';
import type { Call } from './renderDocs';
import type { Input } from '../src/shared/api';
import type { LetterKind, LetterRequest } from '../src/shared/api/letters';
import { LETTER_KINDS } from '../src/shared/api/letters';

const OUT = path.resolve(import.meta.dirname, '..', 'test-artifacts', 'letters');

async function main(): Promise<void> {
  await withDemoCore(OUT, 'render-letters', async (core, call, dir) => {
    await call('letters.settings.save', { logoBase64: demoLogo().toString('base64') });
    const requests = await demoRequests(core, call);

    const files: string[] = [];
    let n = 0;
    for (const soort of LETTER_KINDS) {
      const res = await call('letters.finalise', requests[soort]);
      for (const [i, b] of res.brieven.entries()) {
        const dl = await call('letters.download', { id: b.id });
        const name = `${String(++n).padStart(2, '0')}-${soort}${res.brieven.length > 1 ? `-${i + 1}` : ''}.docx`;
        fs.writeFileSync(path.join(OUT, name), Buffer.from(dl.inhoudBase64, 'base64'));
        files.push(name);
        console.log(`${b.kenmerk}  ${soort.padEnd(34)} aan ${b.geadresseerde}`);
      }
    }
    const pupilId = requests.schorsing.measureId ? (await call('measures.get', { id: requests.schorsing.measureId })).personId : 0;
    const dossier = await call('letters.dossierExport', { personId: pupilId, reden: 'inzageverzoek' });
    fs.writeFileSync(path.join(OUT, `${String(++n).padStart(2, '0')}-dossier.docx`), Buffer.from(dossier.inhoudBase64, 'base64'));
    files.push(`${String(n).padStart(2, '0')}-dossier.docx`);

    toPdfAndPng(OUT, files, dir);
  });
}

/** A measure (and what it needs) for every letter kind, on people of the demo school. */
async function demoRequests(core: Core, call: Call): Promise<Record<LetterKind, LetterRequest>> {
  const db = core.db;
  const today = core.ctx.today();
  const nextWeekday = (iso: string, n = 1) => {
    let d = parseISO(iso);
    for (let i = 0; i < n; ) {
      d = addDays(d, 1);
      if (!isWeekend(d)) i++;
    }
    return format(d, 'yyyy-MM-dd');
  };
  // A pupil whose parents live apart if the demo has one (one letter per address), else any pupil with parents.
  const pupil = db
    .prepare(
      `SELECT gl.leerling_id AS id, COUNT(DISTINCT p.postcode) AS adressen FROM guardian_link gl JOIN person p ON p.id = gl.ouder_id
        WHERE gl.ontvangt_post = 1 AND p.postcode IS NOT NULL GROUP BY gl.leerling_id ORDER BY adressen DESC, gl.leerling_id LIMIT 1`,
    )
    .get() as { id: number };
  const victim = db.prepare(`SELECT id FROM person WHERE soort = 'leerling' AND id <> ? ORDER BY id LIMIT 1`).get(pupil.id) as { id: number };
  // A teacher, not the signatory (who would write to herself).
  const staff = db.prepare(`SELECT id FROM person WHERE soort = 'medewerker' ORDER BY functie NOT LIKE '%docent%', straat IS NULL, id LIMIT 1`).get() as { id: number } | undefined;
  const parent = db.prepare(`SELECT id FROM person WHERE soort = 'ouder' AND straat IS NOT NULL AND id NOT IN (SELECT ouder_id FROM guardian_link WHERE leerling_id = ?) ORDER BY id LIMIT 1`).get(pupil.id) as { id: number };
  if (!staff) throw new Error('De demoschool heeft geen medewerker.');
  // A staff letter goes to the home address: fill one in as the school leader would.
  const medewerker = await call('people.get', { id: staff.id });
  if (!medewerker.straat) {
    const { id: _id, naam: _naam, koppelingen: _k, createdAt: _c, updatedAt: _u, ...rest } = medewerker;
    await call('people.update', { ...rest, id: staff.id, straat: 'Populierenlaan 14', postcode: '4002 KL', plaats: 'Tiel' });
  }
  const protocol = await call('protocols.inForce', { datum: today });
  const rules = (protocol?.secties ?? []).flatMap((s) => s.regels);
  const pick = (re: RegExp) => rules.find((r) => re.test(r.tekst))?.id ?? rules[0].id;

  const incident = await call('incidents.create', {
    datumVoorval: today,
    datumMelding: today,
    locatie: 'buiten_school',
    platform: 'snapchat',
    categorie: 'pesten',
    ernst: 'hoog',
    omschrijving:
      'Een leerling heeft een bewerkte foto van een klasgenoot met een kwetsende tekst gedeeld in een Snapchat-groep van de klas. De klasgenoot heeft dit met een screenshot gemeld bij de mentor; het bericht is op verzoek van de school verwijderd.',
    regelIds: [pick(/pest|kwets/i), pick(/toestemming/i)],
    betrokkenen: [
      { personId: pupil.id, rol: 'dader' },
      { personId: victim.id, rol: 'slachtoffer' },
    ],
  });
  const base = { incidentId: incident.id, personId: pupil.id, besluitDatum: today };
  const measure = async (input: Input<'measures.create'>) => (await call('measures.create', input)).id;
  const hear = async (measureId: number, gehoord: 'leerling' | 'ouders' | 'docent' | 'medewerker', personId: number | null) =>
    call('obligations.hearings.add', { measureId, gehoord, personId, datum: today, tijd: gehoord === 'ouders' ? '16:30' : '10:00', door: 'Marianne Hoekstra' });
  const parents = (db.prepare('SELECT ouder_id AS id FROM guardian_link WHERE leerling_id = ? ORDER BY ouder_id').all(pupil.id) as { id: number }[]).map((r) => r.id);

  const schorsing = await measure({
    ...base,
    soort: 'schorsing',
    status: 'besloten',
    startdatum: nextWeekday(today),
    einddatum: nextWeekday(today, 3),
    vorm: 'extern',
    afsprakenSchoolwerk: 'De mentor zet elke ochtend de opdrachten in de studiewijzer klaar. Het gemaakte werk wordt na de schorsing bij de mentor ingeleverd; gemiste toetsen worden ingehaald in de eerste week daarna.',
  });
  await hear(schorsing, 'leerling', pupil.id);
  await hear(schorsing, 'ouders', parents[0] ?? null);
  // The board decides only after the hearings and (VO, VSO) the consultation of the Inspectie.
  const vInput = { ...base, soort: 'verwijdering' as const, status: 'voorgenomen' as const, startdatum: nextWeekday(today, 10), toelichting: 'Dit is de derde ernstige overtreding van het protocol in dit schooljaar, ondanks eerdere waarschuwingen en een schorsing.' };
  const verwijdering = await measure(vInput);
  await hear(verwijdering, 'leerling', pupil.id);
  await hear(verwijdering, 'ouders', parents[0] ?? null);
  await hear(verwijdering, 'docent', staff.id);
  await call('externalReports.create', { incidentId: base.incidentId, measureId: verwijdering, personId: pupil.id, instantie: 'inspectie', soort: 'consultatie', datum: today, door: 'Marianne Hoekstra' });
  await call('measures.update', { ...vInput, id: verwijdering, status: 'besloten' });

  const staffIncident = await call('incidents.create', {
    datumVoorval: today,
    datumMelding: today,
    locatie: 'buiten_school',
    platform: 'facebook',
    categorie: 'persoonsgegevens',
    ernst: 'middel',
    omschrijving: 'Een medewerker heeft in een openbare Facebook-groep een foto van een klassenlijst met namen en cijfers van leerlingen geplaatst.',
    regelIds: [pick(/vertrouwelijk|persoonsgegevens/i)],
    betrokkenen: [{ personId: staff.id, rol: 'dader' }],
  });
  const sBase = { incidentId: staffIncident.id, personId: staff.id, besluitDatum: today };
  const staffSchorsing = await measure({ ...sBase, soort: 'schorsing', status: 'besloten', startdatum: nextWeekday(today, 5), einddatum: nextWeekday(today, 14), toelichting: 'U heeft in uw zienswijze erkend dat u de foto heeft geplaatst en gezegd dat u niet wist dat de groep openbaar was. Dat neemt niet weg dat u de gegevens van leerlingen zonder noodzaak heeft gedeeld; de schorsing blijft daarom gehandhaafd.' });
  await hear(staffSchorsing, 'medewerker', staff.id);
  const vi = await call('externalReports.create', { incidentId: incident.id, personId: pupil.id, instantie: 'vertrouwensinspecteur', soort: 'consultatie', datum: today, tijd: '11:15', door: 'Marianne Hoekstra', contactpersoon: 'de dienstdoende vertrouwensinspecteur', toelichting: 'Advies: de ouders van beide leerlingen informeren en aangifte overwegen.' });
  const pol = await call('externalReports.create', { incidentId: incident.id, personId: pupil.id, instantie: 'politie', soort: 'aangifte', datum: today, door: 'Marianne Hoekstra', kenmerk: 'PL0600-2026000001 (fictief)', politieEenheid: 'Oost-Nederland, basisteam Tiel', schooladresGebruikt: true });

  const voornemen = await measure({ ...base, soort: 'voornemen_verwijdering', status: 'voorgenomen', beoogdBesluit: nextWeekday(today, 15), toelichting: 'Dit is de derde ernstige overtreding van het protocol in dit schooljaar.' });
  return {
    uitnodiging_gesprek: { soort: 'uitnodiging_gesprek', measureId: await measure({ ...base, soort: 'gesprek', status: 'voorgenomen' }), afspraak: { datum: nextWeekday(today, 2), tijd: '15:30', plaats: 'kamer 1.12' } },
    waarschuwing: { soort: 'waarschuwing', measureId: await measure({ ...base, soort: 'waarschuwing' }) },
    bevestiging_maatregel: {
      soort: 'bevestiging_maatregel',
      measureId: await measure({ ...base, soort: 'inname_telefoon', startdatum: today, einddatum: nextWeekday(today, 4), toelichting: 'De telefoon wordt een week lang elke ochtend bij de administratie ingeleverd en aan het eind van de dag weer opgehaald.' }),
      bijlagen: ['Uittreksel uit het socialemediaprotocol'],
    },
    schorsing: { soort: 'schorsing', measureId: schorsing },
    voornemen_verwijdering: { soort: 'voornemen_verwijdering', measureId: voornemen },
    uitnodiging_hoorgesprek: { soort: 'uitnodiging_hoorgesprek', measureId: voornemen, afspraak: { datum: nextWeekday(today, 5), tijd: '10:00', plaats: 'kamer 1.12' } },
    besluit_verwijdering: { soort: 'besluit_verwijdering', measureId: verwijdering },
    toegangsverbod: { soort: 'toegangsverbod', measureId: await measure({ personId: parent.id, soort: 'toegangsverbod', besluitDatum: today, startdatum: today, einddatum: nextWeekday(today, 40), toelichting: 'U heeft een medewerker van de school bij het hek bedreigd en uitgescholden.' }) },
    personeel_uitnodiging: { soort: 'personeel_uitnodiging', measureId: await measure({ ...sBase, soort: 'gesprek', status: 'voorgenomen' }), afspraak: { datum: nextWeekday(today, 2), tijd: '09:00' } },
    personeel_waarschuwing: { soort: 'personeel_waarschuwing', measureId: await measure({ ...sBase, soort: 'waarschuwing' }) },
    // The decision follows the intention on the same measure (cao: voornemen, zienswijze, besluit).
    personeel_voornemen: { soort: 'personeel_voornemen', measureId: staffSchorsing },
    personeel_besluit: { soort: 'personeel_besluit', measureId: staffSchorsing },
    vastlegging_vertrouwensinspecteur: { soort: 'vastlegging_vertrouwensinspecteur', reportId: vi.id },
    vastlegging_aangifte: { soort: 'vastlegging_aangifte', reportId: pol.id },
  };
}

/** The demo school's logo: a linden leaf and the name, drawn as SVG and rendered to PNG. */
function demoLogo(): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">
    <path d="M60 12 C 95 20 108 58 88 88 C 78 102 64 106 60 106 C 56 106 42 102 32 88 C 12 58 25 20 60 12 Z" fill="#2f7d4f"/>
    <path d="M60 24 L60 112" stroke="#ffffff" stroke-width="4"/>
    <path d="M60 52 L80 38 M60 70 L84 58 M60 52 L40 38 M60 70 L36 58" stroke="#ffffff" stroke-width="3"/>
    <text x="122" y="58" font-family="Liberation Sans, Arial, sans-serif" font-size="30" font-weight="bold" fill="#1d3b2a">De Linde</text>
    <text x="122" y="88" font-family="Liberation Sans, Arial, sans-serif" font-size="17" fill="#4d6b58">scholengemeenschap</text>
  </svg>`;
  return Buffer.from(new Resvg(svg, { font: { loadSystemFonts: true } }).render().asPng());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
