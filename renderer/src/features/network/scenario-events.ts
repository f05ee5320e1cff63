/**
 * "A scenario was saved" between panels of the Network screen: the currency what-if saves one
 * and the scenario comparison under the plan lists them. Saving a scenario changes no
 * catalogue record, so no catalogue-changed event comes from the core for it.
 */
const listeners = new Set<() => void>();

export function onScenarioSaved(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function scenarioSaved(): void {
  for (const l of listeners) l();
}
