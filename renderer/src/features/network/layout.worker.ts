import { forceLayout, type ForceInput } from './force.ts';

/** Runs the force-directed layout off the UI thread; one message in, one out. */
self.onmessage = (e: MessageEvent<ForceInput>) => {
  const t0 = performance.now();
  const positions = forceLayout(e.data);
  self.postMessage({ positions, ms: performance.now() - t0 });
};
