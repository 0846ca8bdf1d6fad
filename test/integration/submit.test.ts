// The write path of the screens (src/renderer/src/api/submit.ts, under useSubmit) against a real core:
// where the core's Dutch refusal goes (next to the field it names, the form's alert, or a
// notification), that a refused write changes nothing, and what a successful one says and hands on.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { makeTestCore } from '../support/core';
import type { TestCore } from '../support/core';
import type { MethodName, Input, Result, ApiError } from '../../src/shared/api';
import { submitWrite } from '../../src/renderer/src/api/submit';
import type { Notifier } from '../../src/renderer/src/api/submit';
import { formRefusal } from '../../src/renderer/src/components/useFormState';
import { isIncidentField, emptyIncident, toInput } from '../../src/renderer/src/components/incident/types';
import { SCHOOL } from './letters.fixture';

let t: TestCore;

beforeAll(async () => {
  t = makeTestCore({ now: '2026-11-16T09:00:00Z' });
  await t.call('school.save', SCHOOL);
});
afterAll(() => t.cleanup());

const write =
  <M extends MethodName>(method: M, input: Input<M>) =>
  () =>
    t.core.invoke(method, input) as Promise<Result<never>>;

/** The notifications, written down. */
function notes() {
  const seen: string[] = [];
  const n: Notifier = {
    saved: (m) => seen.push(`saved:${m ?? ''}`),
    done: (m) => seen.push(`done:${m}`),
    error: (m, title) => seen.push(`error:${title ? `${title}|` : ''}${m}`),
  };
  return { n, seen };
}

/** A form as useFormState keeps it (its real refusal rule), without React. */
function form(known?: (p: string) => boolean) {
  const f = {
    errors: {} as Record<string, string>,
    showError: (e: ApiError) => {
      const r = formRefusal(e, known);
      f.errors = r.fields;
      return r.message;
    },
  };
  return f;
}

const count = async () => (await t.call('incidents.list', {})).total;

describe('a write from a screen', () => {
  it('refused: the Dutch messages stand at the incident form fields, the alert asks to check them, nothing is saved', async () => {
    const before = await count();
    const f = form(isIncidentField);
    const { n, seen } = notes();
    let alert: string | null = 'old';
    let succeeded = false;
    const input = toInput({
      ...emptyIncident('2026-11-16'),
      locatie: 'buiten_school',
      platform: 'whatsapp',
      ernst: 'hoog',
      categorie: 'pesten',
    });
    const r = await submitWrite(
      write('incidents.create', input),
      {
        form: f,
        error: (m) => (alert = m),
        fieldsShown: 'Controleer de velden die rood zijn gemarkeerd.',
        onSuccess: () => (succeeded = true),
      },
      n,
    );
    expect(r.ok).toBe(false);
    expect(f.errors.omschrijving).toBe('Beschrijf feitelijk wat er gebeurde.');
    expect(alert).toBe('Controleer de velden die rood zijn gemarkeerd.');
    expect(seen).toEqual([]);
    expect(succeeded).toBe(false);
    expect(await count()).toBe(before);
  });

  it('refused for no field of the form: the message is the notification, with its title', async () => {
    const f = form(isIncidentField);
    const { n, seen } = notes();
    const input = toInput({
      ...emptyIncident('2026-11-16'),
      locatie: 'buiten_school',
      platform: 'whatsapp',
      ernst: 'hoog',
      categorie: 'pesten',
      omschrijving: 'Iets.',
    });
    const r = await submitWrite(write('incidents.update', { ...input, id: 999_999 }), { form: f, errorTitle: 'Niet opgeslagen' }, n);
    expect(r.ok).toBe(false);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^error:Niet opgeslagen\|.*bestaat niet \(meer\)\.$/);
  });

  it('refused with fields for a dialog: its fields get the messages, no notification; a conflict names its field', async () => {
    await t.call('categories.save', { label: 'Sexting', actief: true });
    let fields: Record<string, string> = {};
    const { n, seen } = notes();
    const r = await submitWrite(write('categories.save', { label: 'Sexting', actief: true }), { fields: (x) => (fields = x) }, n);
    expect(r.ok).toBe(false);
    expect(fields).toEqual({ label: 'Er is al een categorie met deze naam.' });
    expect(seen).toEqual([]);
    expect((await t.call('categories.list', {})).filter((c) => c.label === 'Sexting')).toHaveLength(1);
  });

  it('saved: the notification with the saved value, then the value handed on; the new row is there', async () => {
    const f = form(isIncidentField);
    const { n, seen } = notes();
    const order: string[] = [];
    const before = await count();
    const input = toInput({
      ...emptyIncident('2026-11-16'),
      locatie: 'buiten_school',
      platform: 'whatsapp',
      ernst: 'hoog',
      categorie: 'pesten',
      omschrijving: 'Een spotvideo in de klassengroep.',
    });
    const r = await submitWrite(
      write('incidents.create', input),
      {
        form: f,
        saved: (i: { nummer: string }) => `Melding ${i.nummer} is opgeslagen.`,
        onSuccess: (i: { nummer: string }) => {
          order.push(`success:${i.nummer}`);
        },
      },
      { ...n, saved: (m) => (n.saved(m), order.push('saved')) },
    );
    expect(r.ok).toBe(true);
    const nummer = r.ok ? (r.value as { nummer: string }).nummer : '';
    expect(seen).toEqual([`saved:Melding ${nummer} is opgeslagen.`]);
    expect(order).toEqual(['saved', `success:${nummer}`]);
    expect(f.errors).toEqual({});
    expect(await count()).toBe(before + 1);
  });
});
