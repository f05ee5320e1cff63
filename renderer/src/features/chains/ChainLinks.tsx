import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { chainMessages } from './messages.ts';

/** The directory's ways into the chain interview and the product taxonomy (they have no sidebar entry). */
export function ChainLinks() {
  const t = useMessages(chainMessages);
  return (
    <>
      <Link className="button" to="/interview">
        {t('interview')}
      </Link>
      <Link className="button" to="/products">
        {t('products')}
      </Link>
    </>
  );
}
