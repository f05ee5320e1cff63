import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { useMessages } from '../../i18n/index.tsx';
import { parseLatLon, setPlace, usePlace, type Place } from './place.ts';
import { searchMessages } from './messages.ts';
import { Link } from '../../app/router.tsx';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase().trim();

/** The towns of the catalogue with the mean position of their enterprises: places a person knows by name. */
function useLocalities(): Place[] {
  const list = useQuery('enterprise-list', { offset: 0, limit: 1000 });
  return useMemo(() => {
    const sums = new Map<string, { lat: number; lon: number; n: number }>();
    for (const e of list.data?.items ?? []) {
      if (!e.locality || e.lat === null || e.lon === null) continue;
      const label = e.country ? `${e.locality}, ${e.country}` : e.locality;
      const s = sums.get(label) ?? { lat: 0, lon: 0, n: 0 };
      sums.set(label, { lat: s.lat + e.lat, lon: s.lon + e.lon, n: s.n + 1 });
    }
    return [...sums.entries()]
      .map(([label, s]) => ({ label, lat: s.lat / s.n, lon: s.lon / s.n }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [list.data]);
}

/**
 * Sets "my place": a town from the catalogue or coordinates. A map pick mode can set it too
 * through `setPlace` (features/search/index.ts); the map screen does not offer one yet.
 */
export function PlaceSetter() {
  const t = useMessages(searchMessages);
  const place = usePlace();
  const localities = useLocalities();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const listId = useId();
  const hintId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = text.trim();
    // "sao paulo" finds "São Paulo, BR": accents and case do not matter, the start of the name is enough.
    const key = fold(typed);
    const town = localities.find((l) => fold(l.label) === key) ?? localities.find((l) => fold(l.label).startsWith(key));
    const coords = parseLatLon(typed);
    if (coords) setPlace({ ...coords, label: typed });
    else if (typed && town) setPlace(town);
    else return setInvalid(true);
    setInvalid(false);
    setText('');
  };

  return (
    <div className="place-setter">
      <form onSubmit={submit} className="inline-form">
        <label>
          <span>{t('place')}</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            list={listId}
            placeholder={t('placeHint')}
            aria-describedby={hintId}
            aria-invalid={invalid || undefined}
            autoComplete="off"
          />
        </label>
        <datalist id={listId}>
          {localities.map((l) => (
            <option key={l.label} value={l.label} />
          ))}
        </datalist>
        <button type="submit">{t('setPlace')}</button>
      </form>
      <p id={hintId} className={invalid ? 'error small' : 'muted small'}>
        {invalid ? t('placeInvalid') : place ? t('placeSet', { place: place.label }) : t('placeNone')}{' '}
        {place && !invalid && (
          <button type="button" className="link-button" onClick={() => setPlace(null)}>
            {t('clearPlace')}
          </button>
        )}{' '}
        {/* The map's popups offer "Use as my place": choosing a point there comes back here. */}
        <Link to="/map">{t('useMap')}</Link>
      </p>
    </div>
  );
}
