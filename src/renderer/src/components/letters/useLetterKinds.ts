// The letter kinds as the core defines them (letters.kinds): which screens offer a letter follows
// from the core's kinds, not from a list of its own here.
import type { LetterKindInfo } from '@shared/api/letters';
import { call } from '../../api/client';
import { useLoad } from '../useLoad';

export { hasReportLetter } from './letterKinds';

export function useLetterKinds(): LetterKindInfo[] {
  return useLoad(() => call('letters.kinds', {}), []).data ?? [];
}
