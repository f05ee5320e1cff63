import { forceLayout, type ForceInput } from './force.ts';
import { communitiesOf } from './groups.ts';

/** Work too heavy for the UI thread: force layout, community detection. One message in, one out. */
export type WorkerRequest = ({ kind: 'force' } & ForceInput) | { kind: 'communities'; ids: string[]; edges: ForceInput['edges'] };

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const t0 = performance.now();
  if (e.data.kind === 'communities') {
    self.postMessage({ membership: communitiesOf(e.data.ids, e.data.edges), ms: performance.now() - t0 });
    return;
  }
  self.postMessage({ positions: forceLayout(e.data), ms: performance.now() - t0 });
};
