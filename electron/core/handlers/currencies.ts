import type { Handlers } from '../dispatch.ts';
import type { CoreContext } from '../context.ts';
import { currencyPage } from '../catalogue/currency-page.ts';
import {
  acceptCurrency,
  createCurrency,
  deleteCurrency,
  restoreAcceptances,
  restoreCurrency,
  setEnterpriseCurrencies,
  unacceptCurrency,
  updateCurrency,
} from '../catalogue/currency-edit.ts';

type CurrencyHandlers = Pick<
  Handlers,
  | 'currency-get' | 'currency-create' | 'currency-update' | 'currency-delete' | 'currency-restore'
  | 'currency-accept' | 'currency-unaccept' | 'currency-acceptance-restore' | 'enterprise-currencies-set'
>;

/** One write in one immediate transaction (all of it or nothing), then every window is told the catalogue changed. */
function write<T>(ctx: CoreContext, reason: string, fn: () => T): T {
  const out = ctx.db.transaction(fn).immediate();
  ctx.emit({ type: 'catalogue-changed', reason });
  return out;
}

export const currencyHandlers: CurrencyHandlers = {
  'currency-get': ({ id }, ctx) => currencyPage(ctx.db, id),
  'currency-create': (input, ctx) => write(ctx, 'currency-create', () => ({ currency: createCurrency(ctx.db, input) })),
  'currency-update': ({ id, ...fields }, ctx) => write(ctx, 'currency-update', () => updateCurrency(ctx.db, id, fields)),
  'currency-delete': ({ id, withAcceptances }, ctx) => write(ctx, 'currency-delete', () => deleteCurrency(ctx.db, id, withAcceptances)),
  'currency-restore': ({ currency, acceptances }, ctx) => write(ctx, 'currency-create', () => restoreCurrency(ctx.db, currency, acceptances)),
  'currency-accept': ({ currency, enterprises, share, products }, ctx) =>
    write(ctx, 'currency-acceptance', () => acceptCurrency(ctx.db, currency, enterprises, share, products)),
  'currency-unaccept': ({ currency, enterprises }, ctx) => write(ctx, 'currency-acceptance', () => unacceptCurrency(ctx.db, currency, enterprises)),
  'currency-acceptance-restore': ({ currency, entries }, ctx) =>
    write(ctx, 'currency-acceptance', () => ({ restored: restoreAcceptances(ctx.db, currency, entries) })),
  'enterprise-currencies-set': ({ enterprise, currencies }, ctx) =>
    write(ctx, 'enterprise-update', () => setEnterpriseCurrencies(ctx.db, enterprise, currencies)),
};
