// Handlers for the people methods of the API contract (src/shared/api/people.ts).
import type { Handlers } from '../core/context';
import type { peopleApi } from '../../shared/api/people';

export const peopleHandlers: Handlers<keyof typeof peopleApi> = {};
