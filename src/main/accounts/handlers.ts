// Handlers for accounts (src/shared/api/accounts.ts, docs/SERVER.md "Accounts en inloggen"). Logging
// in is not a method: the server door calls authenticate.ts before there is a caller.
import type { Handlers } from '../context/context';
import type { accountsApi } from '@shared/api/accounts';
import {
  accountCandidates,
  beginTotp,
  changePassword,
  confirmTotp,
  createAccount,
  listAccounts,
  myAccount,
  resetPassword,
  resetTotp,
  updateAccount,
} from './accounts';

export const accountsHandlers: Handlers<keyof typeof accountsApi> = {
  'accounts.list': (_input, ctx) => listAccounts(ctx.db),
  'accounts.candidates': (_input, ctx) => accountCandidates(ctx.db, ctx.today()),
  'accounts.create': async (input, ctx) => await createAccount(ctx, input),
  'accounts.update': (input, ctx) => updateAccount(ctx, input),
  'accounts.resetPassword': async (input, ctx) => await resetPassword(ctx, input),
  'accounts.resetTotp': (input, ctx) => resetTotp(ctx, input),
  'accounts.me': (_input, ctx) => myAccount(ctx),
  'accounts.changePassword': async (input, ctx) => await changePassword(ctx, input),
  'accounts.totp.begin': (_input, ctx) => beginTotp(ctx),
  'accounts.totp.confirm': (input, ctx) => confirmTotp(ctx, input),
};
