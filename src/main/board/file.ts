// The figures file itself (docs/BOARD.md): JSON with its keys sorted and two-space indentation, the
// same bytes for the same content, signed with the school's Ed25519 key over that canonical JSON of
// everything but the signature. The board accepts a file only when its bytes are exactly that
// canonical form: so any changed byte shows, in a number (the signature fails), in the layout (not
// canonical) or in the JSON itself (unreadable).
import { z } from 'zod';
import { contentSchema, FORMAT, FORMAT_VERSION } from './figures';
import type { BoardFigures } from './figures';
import { fingerprint, signWith, verifySignature } from './keys';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function sorted(v: unknown): Json {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sorted(x);
    }
    return out;
  }
  return v as Json;
}

/** The canonical text of a value: keys sorted at every level, two-space indentation, one closing newline. */
export const canonical = (v: unknown): string => `${JSON.stringify(sorted(v), null, 2)}\n`;

export function signedFile(content: BoardFigures, prive: string): Buffer {
  const handtekening = signWith(prive, Buffer.from(canonical(content), 'utf8')).toString('base64');
  return Buffer.from(canonical({ ...content, handtekening }), 'utf8');
}

export type Verified =
  | { ok: true; content: BoardFigures; vingerafdruk: string }
  | {
      ok: false;
      melding: string;
      /** What could still be read of an unusable file, for the list on screen. */
      school?: string;
      brin?: string;
      schooljaar?: string;
      vingerafdruk?: string;
    };

const envelope = z.object({ formaat: z.string(), versie: z.number(), handtekening: z.string() }).loose();

const peek = z
  .object({
    school: z.object({ naam: z.string(), brin: z.string() }).partial(),
    schooljaar: z.string(),
    publiekeSleutel: z.string(),
  })
  .partial();

/** Reads one file and checks format, canonical bytes and signature. The messages name the file. */
export function verifyFile(naam: string, bytes: Buffer): Verified {
  const q = `"${naam}"`;
  const damaged = `Het bestand ${q} is na het maken veranderd of beschadigd: de handtekening van de school klopt niet. Vraag de school om het bestand opnieuw te maken en te sturen.`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return {
      ok: false,
      melding: `Het bestand ${q} is geen cijferbestand van Schoolprotocol of het is beschadigd. Vraag de school om het bestand opnieuw te maken en te sturen.`,
    };
  }
  const env = envelope.safeParse(parsed);
  if (!env.success || env.data.formaat !== FORMAT)
    return {
      ok: false,
      melding: `Het bestand ${q} is geen cijferbestand van Schoolprotocol (een bestand dat eindigt op .spcijfers.json).`,
    };
  const seen = peek.safeParse(parsed);
  const info = seen.success
    ? {
        school: seen.data.school?.naam,
        brin: seen.data.school?.brin,
        schooljaar: seen.data.schooljaar,
        vingerafdruk: seen.data.publiekeSleutel ? fingerprint(Buffer.from(seen.data.publiekeSleutel, 'base64')) : undefined,
      }
    : {};
  if (env.data.versie > FORMAT_VERSION)
    return {
      ok: false,
      ...info,
      melding: `Het bestand ${q} is gemaakt met een nieuwere versie van Schoolprotocol. Werk de app bij en probeer het opnieuw.`,
    };
  if (env.data.versie !== FORMAT_VERSION)
    return { ok: false, ...info, melding: `Het bestand ${q} heeft een onbekende versie van het cijferbestand.` };
  // Any byte outside the canonical form is a change: refused before anything else is believed.
  if (!Buffer.from(canonical(parsed), 'utf8').equals(bytes)) return { ok: false, ...info, melding: damaged };
  const { handtekening, ...rest } = parsed as Record<string, unknown> & { handtekening: string };
  const content = contentSchema.safeParse(rest);
  if (!content.success) return { ok: false, ...info, melding: damaged };
  const publiek = Buffer.from(content.data.publiekeSleutel, 'base64');
  if (!verifySignature(publiek, Buffer.from(canonical(rest), 'utf8'), Buffer.from(handtekening, 'base64')))
    return { ok: false, ...info, melding: damaged };
  return { ok: true, content: content.data, vingerafdruk: fingerprint(publiek) };
}
