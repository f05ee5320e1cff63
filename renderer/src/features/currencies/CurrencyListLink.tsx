import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { currencyMessages } from './messages.ts';

/** The directory's way to the currencies (they have no sidebar entry). */
export function CurrencyListLink() {
  const t = useMessages(currencyMessages);
  return (
    <Link className="button" to="/currencies">
      {t('listLink')}
    </Link>
  );
}
