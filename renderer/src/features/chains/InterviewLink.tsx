import { useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { chainMessages } from './messages.ts';

/** "Interview this enterprise": the enterprise page's way into the chain interview. */
export function InterviewLink({ id }: { id: string }) {
  const t = useMessages(chainMessages);
  return (
    <Link className="button" to={`/interview/${encodeURIComponent(id)}`}>
      {t('interviewLink')}
    </Link>
  );
}
