import { useQuery } from '../api/hooks.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/index.tsx';
import { Link } from '../app/router.tsx';

const messages = defineMessages('components.unclassifiedNotice', {
  many: ['count'],
  one: [],
  classify: [],
});

/** Says how many enterprises the figures count as not solidarity only because nobody has decided yet. */
export function UnclassifiedNotice() {
  const t = useMessages(messages);
  const { number } = useI18n();
  const stats = useQuery('catalogue-stats', {});
  const n = stats.data?.unclassifiedEnterprises ?? 0;
  if (n === 0) return null;
  return (
    <p className="notice" data-testid="unclassified-notice">
      {n === 1 ? t('one') : t('many', { count: number(n) })} <Link to="/">{t('classify')}</Link>
    </p>
  );
}
