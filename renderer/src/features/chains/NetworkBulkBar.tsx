import { useState } from 'react';
import { call, errorMessage } from '../../api/client.ts';
import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './messages.ts';
import { UndoButton } from '../../components/UndoButton.tsx';
import './chains.css';

const NEW = '+new';

/**
 * The directory's bulk action: the selected enterprises join (or leave) a network, an existing
 * one or one created here. The answer names only the memberships that changed, so Undo takes
 * back exactly those.
 */
export function NetworkBulkBar({ selected, onClear }: { selected: string[]; onClear(): void }) {
  const t = useMessages(chainMessages);
  const { number } = useI18n();
  const networks = useQuery('network-list', {});
  const [network, setNetwork] = useState('');
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(() => Promise<unknown>) | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = network || networks.data?.networks[0]?.id || '';

  const run = async (kind: 'add' | 'remove') => {
    setBusy(true);
    setError(null);
    try {
      let id = chosen;
      let name = networks.data?.networks.find((n) => n.id === id)?.name ?? id;
      if (chosen === NEW) {
        const made = await call('network-create', { name: newName });
        ({ id, name } = made);
        setNetwork(id);
        setNewName('');
      }
      if (kind === 'add') {
        const { added } = await call('network-members-add', { network: id, enterprises: selected });
        setStatus(t('membersAdded', { count: number(added.length), network: name }));
        setUndo(() => () => (added.length ? call('network-members-remove', { network: id, enterprises: added }) : Promise.resolve()));
      } else {
        const { removed } = await call('network-members-remove', { network: id, enterprises: selected });
        setStatus(t('membersRemoved', { count: number(removed.length), network: name }));
        setUndo(() => () => (removed.length ? call('network-members-add', { network: id, enterprises: removed }) : Promise.resolve()));
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!selected.length && !status) return null;
  return (
    <div className="bulk-bar" role="group" aria-label={t('selected', { count: number(selected.length) })}>
      <strong>{t('selected', { count: number(selected.length) })}</strong>
      <label>
        {t('network')}{' '}
        <select value={chosen} onChange={(e) => setNetwork(e.target.value)}>
          {(networks.data?.networks ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name} ({number(n.members)})
            </option>
          ))}
          <option value={NEW}>{t('newNetwork')}</option>
        </select>
      </label>
      {chosen === NEW && (
        <label>
          {t('newNetworkName')} <input value={newName} onChange={(e) => setNewName(e.target.value)} />
        </label>
      )}
      <button type="button" className="primary" disabled={busy || !selected.length} onClick={() => void run('add')}>
        {t('addToNetwork')}
      </button>
      <button type="button" disabled={busy || !selected.length || chosen === NEW} onClick={() => void run('remove')}>
        {t('removeFromNetwork')}
      </button>
      <button type="button" disabled={!selected.length} onClick={onClear}>
        {t('clearSelection')}
      </button>
      <span role="status">
        {status}
        <UndoButton undo={undo} clear={() => setUndo(null)} label={t('undo')} onDone={() => setStatus(t('undone'))} onError={(err) => setError(errorMessage(err))} />
      </span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
