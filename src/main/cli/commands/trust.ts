// `trust …`: privacy and safety checks for IT staff and scheduled tasks.
//   trust diagnose [--backups MAP]   why the database does not open, and the way out (never writes)
//   trust backups                    the backups in the configured folder
//   trust attention                  what needs doing (breach deadlines, overdue access requests,
//                                    backups, expired records); exit code 1 when something is late
//   trust retention                  who is past the retention term, and what blocks destruction
//   trust breaches [--open]          the data-breach register (AP report, informing the people affected)
//   trust requests [--open]          the access requests
// All take --json.
import path from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliError, describeError } from '../context';
import type { Core } from '../../app/core';
import type { MethodName, Input, Output } from '@shared/api';
import { diagnoseOpenFailure } from '../../app/diagnose';
import { formatTable } from '../table';
import { dutchShortDate } from '@shared/dates';
import { UITZONDERING_SUB } from '@shared/api/trust';

async function call<M extends MethodName>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await core.invoke(method, input);
  if (!r.ok) throw new CliError(describeError(r.error));
  return r.value;
}

async function withCore<T>(ctx: CliContext, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = ctx.openCore();
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

const d = (iso: string | null) => (iso ? dutchShortDate(iso.slice(0, 10)) : '—');

export function register(program: Command, ctx: CliContext): void {
  const trust = program
    .command('trust')
    .description('Privacy en veiligheid: diagnose, reservekopieën, bewaartermijnen, datalekken, inzageverzoeken');

  trust
    .command('diagnose')
    .description('Leg uit waarom de database niet opent en wat u kunt doen (verandert niets)')
    .option('--backups <map>', 'de map met reservekopieën (anders de map die de app heeft onthouden)')
    .option('--json', 'als JSON')
    .action((opts: { backups?: string; json?: boolean }) => {
      const dg = diagnoseOpenFailure(ctx.dbPath(), ctx.keyOrNull() ?? '', opts.backups ? path.resolve(opts.backups) : undefined);
      if (dg.soort !== 'geen_probleem_gevonden') ctx.exitCode = 1;
      if (opts.json) return ctx.json(dg);
      ctx.out(dg.title);
      ctx.out('');
      ctx.out(dg.explanation);
      ctx.out('');
      ctx.out('Wat u kunt doen:');
      dg.steps.forEach((s, i) => ctx.out(`  ${i + 1}. ${s}`));
      if (dg.backups.length) {
        ctx.out('');
        ctx.out('Gevonden reservekopieën (nieuwste eerst):');
        for (const b of dg.backups)
          ctx.out(
            `  ${b.naam}  ${b.bruikbaar === true ? 'opent met deze sleutel' : b.sleutelPast === false ? 'andere sleutel' : b.bruikbaar === false ? 'opent niet' : ''}`,
          );
      }
    });

  trust
    .command('backups')
    .description('Toon de reservekopieën in de ingestelde map')
    .option('--json', 'als JSON')
    .action((opts: { json?: boolean }) =>
      withCore(ctx, async (core) => {
        const o = await call(core, 'trust.backup.overview', {});
        if (opts.json) return ctx.json(o);
        if (!o.map) return ctx.out('Er is nog geen map voor reservekopieën ingesteld (Instellingen → Beveiliging, of: backup --to MAP).');
        ctx.out(`Map: ${o.map}${o.automatischeBackup ? ' (dagelijks automatisch)' : ' (automatisch staat uit)'}`);
        if (o.laatsteMislukt) ctx.out(`LET OP: de laatste poging mislukte op ${d(o.laatsteMislukt.gestartOp)}: ${o.laatsteMislukt.fout}`);
        ctx.out(
          formatTable(
            ['Naam', 'Gemaakt', 'Soort', 'Schema', 'Bestanden'],
            o.backups.map((b) => [b.naam, d(b.gemaaktOp), b.soort, String(b.schemaversie), String(b.bestanden)]),
          ),
        );
      }),
    );

  trust
    .command('attention')
    .description('Wat aandacht vraagt; eindcode 1 als er iets te laat is')
    .option('--json', 'als JSON')
    .action((opts: { json?: boolean }) =>
      withCore(ctx, async (core) => {
        const items = await call(core, 'trust.attention', {});
        if (items.some((i) => i.teLaat)) ctx.exitCode = 1;
        if (opts.json) return ctx.json(items);
        if (!items.length) return ctx.out('Niets dat aandacht vraagt.');
        for (const i of items)
          ctx.out(`${i.teLaat ? 'TE LAAT ' : '        '}${i.titel}${i.uiterlijk ? ` (uiterlijk ${d(i.uiterlijk)})` : ''}`);
      }),
    );

  trust
    .command('retention')
    .description('Wie over de bewaartermijn is, en wat vernietiging tegenhoudt (vernietigen doet de schoolleider in de app)')
    .option('--json', 'als JSON')
    .action((opts: { json?: boolean }) =>
      withCore(ctx, async (core) => {
        const list = await call(core, 'trust.retention.list', {});
        if (opts.json) return ctx.json(list);
        if (!list.length) return ctx.out('Niemand is over de bewaartermijn.');
        ctx.out(
          formatTable(
            ['Naam', 'Soort', 'Vanaf', 'Meldingen', 'Maatregelen', 'Geblokkeerd'],
            list.map((c) => [
              c.naam,
              c.soort,
              d(c.vernietigbaarVanaf),
              String(c.meldingen),
              String(c.maatregelen),
              c.holds.map((h) => h.omschrijving).join('; ') || '—',
            ]),
          ),
        );
      }),
    );

  trust
    .command('breaches')
    .description('Het register van datalekken')
    .option('--open', 'alleen niet afgesloten')
    .option('--json', 'als JSON')
    .action((opts: { open?: boolean; json?: boolean }) =>
      withCore(ctx, async (core) => {
        const page = await call(core, 'trust.breaches.list', { limit: 500, ...(opts.open ? { open: true } : {}) });
        if (page.rows.some((b) => b.apTeLaat)) ctx.exitCode = 1;
        if (opts.json) return ctx.json(page);
        if (!page.rows.length) return ctx.out('Geen datalekken geregistreerd.');
        ctx.out(
          formatTable(
            ['Nr', 'Ontdekt', 'Wat', 'Risico', 'Gemeld bij AP', 'Betrokkenen geïnformeerd'],
            page.rows.map((b) => [
              String(b.id),
              d(b.ontdektOp),
              b.omschrijving.slice(0, 50),
              b.hoogRisico ? 'hoog' : b.risico ? 'ja' : 'nee',
              b.apGemeldOp ? d(b.apGemeldOp) : b.risico ? (b.apTeLaat ? 'TE LAAT' : `uiterlijk ${d(b.apUiterlijk)}`) : '—',
              // AVG art. 34: only a high risk asks for it; open until informed or an exception (lid 3).
              b.betrokkenenGeinformeerdOp
                ? d(b.betrokkenenGeinformeerdOp)
                : b.betrokkenenUitzondering
                  ? `niet nodig (art. 34 lid 3 sub ${UITZONDERING_SUB[b.betrokkenenUitzondering]})`
                  : b.betrokkenenInformeren
                    ? 'NOG INFORMEREN'
                    : '—',
            ]),
          ),
        );
      }),
    );

  trust
    .command('requests')
    .description('De inzageverzoeken (AVG art. 15)')
    .option('--open', 'alleen openstaande')
    .option('--json', 'als JSON')
    .action((opts: { open?: boolean; json?: boolean }) =>
      withCore(ctx, async (core) => {
        const page = await call(core, 'trust.accessRequests.list', { limit: 500, ...(opts.open ? { status: ['open' as const] } : {}) });
        if (page.rows.some((r) => r.telaat)) ctx.exitCode = 1;
        if (opts.json) return ctx.json(page);
        if (!page.rows.length) return ctx.out('Geen inzageverzoeken.');
        ctx.out(
          formatTable(
            ['Nr', 'Voor', 'Aanvrager', 'Ontvangen', 'Termijn', 'Status'],
            page.rows.map((r) => [String(r.id), r.naam, r.aanvragerNaam, d(r.ontvangenOp), d(r.termijn), r.telaat ? 'TE LAAT' : r.status]),
          ),
        );
      }),
    );
}
