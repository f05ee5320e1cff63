import { useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './messages.ts';
import './chains.css';

type Selection = ReadonlySet<string>;

/** A row's checkbox in the directory's selection column. */
export function SelectCell({ id, name, selected, onChange }: { id: string; name: string; selected: Selection; onChange(s: Selection): void }) {
  const t = useMessages(chainMessages);
  return (
    <td className="col-select">
      <input
        type="checkbox"
        aria-label={t('selectRow', { name })}
        checked={selected.has(id)}
        onChange={(e) => {
          const next = new Set(selected);
          if (e.target.checked) next.add(id);
          else next.delete(id);
          onChange(next);
        }}
      />
    </td>
  );
}

/** The header's checkbox: ticks (or unticks) the rows drawn. */
export function SelectHeader({ ids, selected, onChange }: { ids: string[]; selected: Selection; onChange(s: Selection): void }) {
  const t = useMessages(chainMessages);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  return (
    <th scope="col" className="col-select">
      <input
        type="checkbox"
        aria-label={t('selectShown')}
        checked={all}
        onChange={() => {
          const next = new Set(selected);
          for (const id of ids) {
            if (all) next.delete(id);
            else next.add(id);
          }
          onChange(next);
        }}
      />
    </th>
  );
}
