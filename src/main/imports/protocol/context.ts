// Text that reads like a rule but is context: introductions, purposes, scope, views, definitions,
// examples (the reasons are listed in docs/PROTOCOL-IMPORT.md). Kept apart from parse.ts so the
// wording rules can be read in one place.
import type { OvergeslagenReden } from '@shared/api/imports';
import { isPrinciples } from '../../protocols/read';

export const BOILERPLATE = /©|\bcopyright\b|alle rechten voorbehouden|niets uit deze uitgave/i;
/** A footnote at the foot of a page: its number, then the note ("1 »Persoonsgegevens…", "1Zie ook…"). */
export const FOOTNOTE = /^\d{1,3}(?:\s+|(?=["'‘“»(]?\p{Lu}))\S/u;

/** Sections that introduce or define: their text is context. */
const INTRO_TITEL =
  /^(?:inleiding|voorwoord|aanleiding|achtergrond|toelichting|doel(?:en|stelling(?:en)?)?(?: van (?:dit|het|deze) (?:protocol|reglement|gedragscode|document|richtlijnen))?)$/iu;
const BEGRIP_TITEL = /^(?:begrippen|begripsbepaling(?:en)?|definities|woordenlijst)$/iu;
const ZIENSWIJZE = /\b(?:onderkent|onderkennen|erkent|erkennen|ziet|zien|vindt|vinden|vertrouwt|vertrouwen|hecht|hechten)\b/iu;
const NORM = /\b(?:niet|geen|nooit|moet|moeten|mag|mogen|dient|dienen|toegestaan|verboden|verplicht|zorgt|zorgen)\b/iu;
/** A sentence about the protocol itself: its purpose, scope, citation or entry into force. */
const OVER_PROTOCOL =
  /^["'‘“(]?(?:dit|deze|het|de)\s+(?:[\p{L}-]+\s+)?(?:protocol|gedragscode|reglement|richtlijnen|document|regeling)\b/iu;

/** Why a rule-like text of this section is context and not a rule, or null when it is a rule. */
export function contextReden(titel: string, tekst: string): OvergeslagenReden | null {
  const t = titel.trim();
  if (BEGRIP_TITEL.test(t)) return 'begrip';
  if (INTRO_TITEL.test(t)) return /^doel/i.test(t) ? 'doel' : 'inleiding';
  if (OVER_PROTOCOL.test(tekst.trim())) return 'doel';
  // Principles: a statement of the school's view there is context unless it asks something of someone.
  if (isPrinciples(t) && ZIENSWIJZE.test(tekst) && !NORM.test(tekst)) return 'doel';
  return null;
}

/** Why a paragraph that is no rule was left out. */
export const paraReden = (tekst: string): OvergeslagenReden =>
  BOILERPLATE.test(tekst) || FOOTNOTE.test(tekst.trim()) ? 'voetnoot' : /voorbeeld/i.test(tekst) ? 'voorbeeld' : 'overig';
