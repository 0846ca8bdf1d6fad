// The one API contract: every method the renderer may call, its input schema and its output.
import type { z } from 'zod';
import type { MethodDef } from './define';
import { schoolApi } from './school';
import { peopleApi } from './people';
import { protocolsApi } from './protocols';
import { incidentsApi } from './incidents';
import { measuresApi } from './measures';
import { submissionsApi } from './submissions';
import { externalReportsApi } from './externalReports';
import { auditApi } from './audit';
import { obligationsApi } from './obligations';
import { lettersApi } from './letters';
import { yearReportsApi } from './yearReports';
import { boardApi } from './board';
import { calendarApi } from './calendar';
import { importsApi } from './imports';
import { trustApi } from './trust';
import { sessionApi } from './session';
import { accountsApi } from './accounts';

export const api = {
  ...schoolApi,
  ...peopleApi,
  ...protocolsApi,
  ...incidentsApi,
  ...measuresApi,
  ...submissionsApi,
  ...externalReportsApi,
  ...auditApi,
  ...obligationsApi,
  ...lettersApi,
  ...yearReportsApi,
  ...boardApi,
  ...calendarApi,
  ...importsApi,
  ...trustApi,
  ...sessionApi,
  ...accountsApi,
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What the handler receives, after validation and defaults. */
export type Parsed<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = Api[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(api, name);

export type { Result, ApiError, ErrorCode } from './result';
export type { Page } from './common';
