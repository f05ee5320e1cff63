import { useState } from 'react';
import { useQuery } from '../api/hooks.ts';
import { call, errorMessage } from '../api/client.ts';
import { defineMessages, useMessages } from '../i18n/index.tsx';
import { Link } from '../app/router.tsx';
import { ErrorNote } from './ErrorNote.tsx';

const messages = defineMessages('components.emptyCatalogue', {
  title: [],
  lead: [],
  importSheet: [],
  add: [],
  sample: [],
  loading: [],
});

/** True once the catalogue is known to hold no enterprise; undefined while it is asked. */
export function useCatalogueEmpty(): boolean | undefined {
  const stats = useQuery('catalogue-stats', {});
  return stats.data ? stats.data.enterprises === 0 : undefined;
}

/**
 * What every screen says on an empty catalogue (issue 15): what to do next, with the way to
 * do it, instead of blank panels and dashes. The app shell shows it above each screen.
 */
export function EmptyCatalogue() {
  const t = useMessages(messages);
  const empty = useCatalogueEmpty();
  const info = useQuery('app-info', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!empty) return null;
  const load = () => {
    setBusy(true);
    setError(null);
    call('catalogue-load-sample', {}).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(errorMessage(err));
      },
    );
  };
  return (
    <section className="empty-catalogue no-print" data-testid="empty-catalogue" aria-labelledby="empty-catalogue-h">
      <h2 id="empty-catalogue-h">{t('title')}</h2>
      <p>{t('lead')}</p>
      {!info.data?.readOnly && (
        <p className="empty-actions">
          <Link to="/import">{t('importSheet')}</Link>
          <Link to="/enterprise/new">{t('add')}</Link>
          <button type="button" onClick={load} disabled={busy}>
            {busy ? t('loading') : t('sample')}
          </button>
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
