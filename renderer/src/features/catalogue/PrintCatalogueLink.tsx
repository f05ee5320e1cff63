import { Link } from '../../app/router.tsx';
import { useMessages } from '../../i18n/index.tsx';
import { catalogueMessages } from './messages.ts';

/** Where the app offers the printed catalogue (the Import & export screen); the page loads on demand. */
export function PrintCatalogueLink() {
  const t = useMessages(catalogueMessages);
  return (
    <p>
      <Link to="/print/catalogue">{t('open')}</Link>
    </p>
  );
}
