import { defineMessages, useMessages } from '../i18n/index.tsx';

const messages = defineMessages('components.solidarityBadge', {
  yes: [],
  no: [],
});

/** Status in words and colour (never colour alone). */
export function SolidarityBadge({ solidarity }: { solidarity: boolean }) {
  const t = useMessages(messages);
  return <span className={solidarity ? 'badge badge-solidarity' : 'badge badge-other'}>{solidarity ? t('yes') : t('no')}</span>;
}
