export { CurrencyLink } from './CurrencyLink.tsx';
export { AcceptBulkBar } from './AcceptBulkBar.tsx';
export { EnterpriseCurrencies } from './EnterpriseCurrencies.tsx';
export { currencyMessages } from './messages.ts';
export { CurrencyListLink } from './CurrencyListLink.tsx';
