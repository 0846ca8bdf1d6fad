// What the renderer reads from the core's letter kinds (letters.kinds), kept free of the window so
// the integration tests hold it against the core's own answer (letters.kindsFor).
import type { Instantie } from '@shared/domain';
import type { LetterKindInfo } from '@shared/api/letters';

/** A letter kind records reports to this authority (e.g. the police, the confidential inspector). */
export const hasReportLetter = (kinds: LetterKindInfo[], instantie: Instantie): boolean =>
  kinds.some((k) => k.bron === 'report' && (!k.instanties || k.instanties.includes(instantie)));
