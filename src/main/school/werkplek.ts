// Who is working at this PC: the person every change of this session is recorded under (ctx.actor),
// remembered per OS account in the encrypted database so the next session only asks to confirm.
// The OS account itself stays in each audit entry beside the person (context/context.ts).
import { z } from 'zod';
import type { Ctx } from '../context/context';
import type { Handlers } from '../context/context';
import type { sessionApi, WerkplekPersoon, WhoIsWorking } from '@shared/api/session';
import { readSetting, writeSetting } from '../settings/settings';

const remembered = z.object({ naam: z.string().nullable().default(null), functie: z.string().nullable().default(null) });

/** One setting per OS account: two staff members sharing a PC each under their own login keep their own name. */
const settingKey = (account: string) => `werkplek.persoon:${account}`;

/** How a person appears wherever the app says who did something. */
export const actorLabel = (p: WerkplekPersoon) => `${p.naam} (${p.functie})`;

function rememberedPerson(ctx: Ctx): WerkplekPersoon | null {
  const r = readSetting(ctx.db, settingKey(ctx.account), remembered);
  return r.naam && r.functie ? { naam: r.naam, functie: r.functie } : null;
}

export function whoIsWorking(ctx: Ctx): WhoIsWorking {
  return { persoon: rememberedPerson(ctx), actor: ctx.actor, account: ctx.account, vast: ctx.actorGiven };
}

export function setWhoIsWorking(ctx: Ctx, p: WerkplekPersoon): WhoIsWorking {
  const before = ctx.actor;
  // First, so the change of the remembered name is itself recorded under the new person.
  ctx.actor = actorLabel(p);
  try {
    const prev = rememberedPerson(ctx);
    if (prev?.naam !== p.naam || prev?.functie !== p.functie) writeSetting(ctx, settingKey(ctx.account), remembered, p);
  } catch (e) {
    ctx.actor = before;
    throw e;
  }
  return whoIsWorking(ctx);
}

export const sessionHandlers: Handlers<keyof typeof sessionApi> = {
  'session.who.get': (_input, ctx) => whoIsWorking(ctx),
  'session.who.set': (input, ctx) => setWhoIsWorking(ctx, input),
};
