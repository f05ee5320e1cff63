import highsLoader, { type Highs } from 'highs';
import type { LpProblem, LpSolution, LpSolver } from '../../../shared/engine/lp.ts';

/**
 * The engine's LpSolver over HiGHS (WebAssembly). Models go in as arrays (passModel), not as
 * LP text, so there are no names to sanitise and no parser in the way. HiGHS's wasm can abort
 * on an internal error and leave the module unusable: after a throw the module is dropped
 * and the next solve loads a fresh one.
 */
let loading: Promise<Highs> | null = null;

async function loadHighs(): Promise<Highs> {
  loading ??= highsLoader().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

export interface HighsSolverOptions {
  /** Seconds per stage before HiGHS gives up (status 'limit'). */
  timeLimit?: number;
}

/** Loads HiGHS once per process (per worker) and returns a synchronous solver. */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<LpSolver> {
  let highs = await loadHighs();
  const solver: LpSolver = {
    solve(p: LpProblem): LpSolution {
      try {
        return solveWith(highs, p, options);
      } catch (err) {
        // The module may be poisoned (wasm abort): reload it for the next call.
        loading = null;
        void loadHighs().then((h) => (highs = h), () => {});
        return { status: 'error', objective: NaN, x: new Float64Array(p.numCols), detail: (err as Error)?.message ?? String(err) };
      }
    },
  };
  return solver;
}

function solveWith(highs: Highs, p: LpProblem, options: HighsSolverOptions): LpSolution {
  const inf = highs.infinity;
  const clamp = (a: Float64Array) => Float64Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const model = highs.createModel();
  try {
    model.options.set({ output_flag: false, ...(options.timeLimit ? { time_limit: options.timeLimit } : {}) });
    model.passModel({
      numCols: p.numCols,
      numRows: p.numRows,
      sense: p.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: p.cost,
      colLower: p.colLower ? clamp(p.colLower) : new Float64Array(p.numCols),
      colUpper: clamp(p.colUpper),
      rowLower: clamp(p.rowLower),
      rowUpper: clamp(p.rowUpper),
      matrix: { format: 'csr', numRows: p.numRows, numCols: p.numCols, starts: p.rowStart, indices: p.rowIndex, values: p.rowValue },
    });
    model.run();
    const status = model.getModelStatus();
    const S = highs.constants.modelStatus;
    if (status === S.optimal || (status === S.empty && p.numCols === 0)) {
      if (p.numCols === 0) return { status: 'optimal', objective: 0, x: new Float64Array(0) };
      const sol = model.getSolution();
      return {
        status: 'optimal',
        objective: model.getObjectiveValue(),
        x: Float64Array.from(sol.colValue),
        reducedCosts: Float64Array.from(sol.colDual),
        rowDuals: Float64Array.from(sol.rowDual),
      };
    }
    const name = Object.entries(S).find(([, v]) => v === status)?.[0] ?? String(status);
    const mapped = status === S.infeasible ? 'infeasible' : status === S.unbounded || status === S.unboundedOrInfeasible ? 'unbounded' : status === S.timeLimit || status === S.iterationLimit ? 'limit' : 'error';
    return { status: mapped, objective: NaN, x: new Float64Array(p.numCols), detail: name };
  } finally {
    model.dispose();
  }
}
