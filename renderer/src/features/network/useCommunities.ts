import { useEffect, useState } from 'react';
import { inWorker } from './GraphView.tsx';
import type { NetworkGraph } from './types.ts';

/** Louvain communities of a big graph, computed in the layout worker; undefined until ready. */
export function useCommunities(graph: NetworkGraph | undefined): Record<string, number> | undefined {
  const [state, setState] = useState<{ graph: NetworkGraph; membership: Record<string, number> } | null>(null);
  useEffect(() => {
    if (!graph) return;
    const job = inWorker<{ membership: Record<string, number> }>({
      kind: 'communities',
      ids: graph.nodes.map((n) => n.id),
      edges: graph.edges.map((e) => ({ source: e.source, target: e.target, value: e.value })),
    });
    let live = true;
    job.promise.then(
      (r) => live && setState({ graph, membership: r.membership }),
      // Without a worker, fall back to one group per enterprise (the "top" cut then applies).
      () => live && setState({ graph, membership: Object.fromEntries(graph.nodes.map((n, i) => [n.id, i])) }),
    );
    return () => {
      live = false;
      job.stop();
    };
  }, [graph]);
  return graph && state?.graph === graph ? state.membership : undefined;
}
