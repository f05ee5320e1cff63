import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { MethodOutput } from '../../../../shared/contract/index.ts';

export type Labels = MethodOutput<'network-labels'>;

const empty: Labels = { enterprises: {}, products: {}, offers: [] };

/**
 * Names for the ids an engine answer carries. Fetched once per distinct set; until they
 * arrive the ids are shown (never a blank).
 */
export function useLabels(enterprises: string[], products: string[], offers: { enterprise: string; product: string }[] = []): Labels {
  const key = JSON.stringify([enterprises, products, offers]);
  const [state, setState] = useState<{ key: string; labels: Labels }>({ key: '', labels: empty });
  useEffect(() => {
    let live = true;
    const [e, p, o] = JSON.parse(key) as [string[], string[], { enterprise: string; product: string }[]];
    if (!e.length && !p.length && !o.length) return;
    call('network-labels', { enterprises: e, products: p, offers: o }).then(
      (labels) => live && setState({ key, labels }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.labels;
}

/** A product's name in the person's language when the taxonomy gives one. */
export function productName(labels: Labels, id: string, lang: string): string {
  const p = labels.products[id];
  return p ? (p.names[lang] ?? p.name) : id;
}

export function enterpriseName(labels: Labels, id: string): string {
  return labels.enterprises[id]?.name ?? id;
}
