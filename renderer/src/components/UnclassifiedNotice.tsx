import { useQuery } from '../api/hooks.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/index.tsx';
import { Link } from '../app/router.tsx';

const messages = defineMessages({
  en: { many: '{count} enterprises are not yet classified as solidarity or not: these figures count them as not solidarity.', one: '1 enterprise is not yet classified as solidarity or not: these figures count it as not solidarity.', classify: 'Classify them on the Overview' },
  es: { many: '{count} emprendimientos aún no están clasificados como solidarios o no: estas cifras los cuentan como no solidarios.', one: '1 emprendimiento aún no está clasificado como solidario o no: estas cifras lo cuentan como no solidario.', classify: 'Clasificarlos en el Resumen' },
  pt: { many: '{count} empreendimentos ainda não foram classificados como solidários ou não: estes números os contam como não solidários.', one: '1 empreendimento ainda não foi classificado como solidário ou não: estes números o contam como não solidário.', classify: 'Classificá-los na Visão geral' },
  fr: { many: '{count} entreprises ne sont pas encore classées solidaires ou non : ces chiffres les comptent comme non solidaires.', one: '1 entreprise n’est pas encore classée solidaire ou non : ces chiffres la comptent comme non solidaire.', classify: 'Les classer dans la Vue d’ensemble' },
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
