// Incident numbers ("M2026-0024") stay on one line: a browser may break a line after the hyphen,
// and "M2026-" / "0024" on two lines reads as two things.
import type { ReactNode } from 'react';

const NUMMER = /(M\d{4}-\d{4,})/;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The text with every incident number in it wrapped so that it cannot break. */
export function keepNumbers(text: string): ReactNode {
  const parts = text.split(NUMMER);
  if (parts.length === 1) return text;
  return parts.map((p, i) =>
    i % 2 ? (
      <span key={i} style={nowrap} className="sp-nummer">
        {p}
      </span>
    ) : (
      p
    ),
  );
}
