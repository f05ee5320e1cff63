/**
 * A linear programme in the shape the engine builds and any LP solver can take. The engine
 * stays solver-agnostic and browser-safe: the Node core injects a HiGHS adapter
 * (electron/core/engine/highs-solver.ts); tests may inject any exact solver.
 *
 * Every column has lower bound 0 and upper bound `colUpper` (Infinity = none); rows are
 * sparse (CSR) with bounds rowLower ≤ a·x ≤ rowUpper (±Infinity = none).
 */
export interface LpProblem {
  numCols: number;
  colUpper: Float64Array;
  numRows: number;
  rowStart: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  sense: 'maximize' | 'minimize';
  cost: Float64Array;
}

export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'limit' | 'error';

export interface LpSolution {
  status: LpStatus;
  objective: number;
  x: Float64Array;
  /** The solver's own words when the status is not optimal. */
  detail?: string;
}

export interface LpSolver {
  /** Solves to optimality (or says why not). Synchronous: run it in a worker. */
  solve(problem: LpProblem): LpSolution;
}

export class LpError extends Error {
  constructor(readonly status: LpStatus, message: string) {
    super(message);
    this.name = 'LpError';
  }
}

/**
 * Lexicographic optimisation: optimise objective 1; keep it within a tiny scaled tolerance of
 * its optimum (a new row) and optimise objective 2; and so on. Returns the last solution and
 * each stage's optimum.
 */
export function solveLexicographic(
  solver: LpSolver,
  base: Omit<LpProblem, 'sense' | 'cost'>,
  objectives: { sense: 'maximize' | 'minimize'; cost: Float64Array }[],
  onStage?: (stage: number) => void,
): { x: Float64Array; optima: number[] } {
  let problem: Omit<LpProblem, 'sense' | 'cost'> = base;
  const optima: number[] = [];
  let x: Float64Array = new Float64Array(base.numCols);
  objectives.forEach((obj, k) => {
    onStage?.(k);
    const sol = solver.solve({ ...problem, sense: obj.sense, cost: obj.cost });
    if (sol.status !== 'optimal') {
      throw new LpError(sol.status, `The solver stopped at stage ${k + 1} without an optimum (${sol.status}${sol.detail ? `: ${sol.detail}` : ''}).`);
    }
    optima.push(sol.objective);
    x = sol.x;
    if (k < objectives.length - 1) {
      // Keep this optimum: a relative slack of 1e-9 (at least 1e-7 absolute, the solver's
      // feasibility tolerance) so the next stage is not made infeasible by rounding.
      const tol = Math.max(1e-7, 1e-9 * Math.abs(sol.objective));
      const bound = obj.sense === 'maximize' ? [sol.objective - tol, Infinity] : [-Infinity, sol.objective + tol];
      problem = appendRow(problem, obj.cost, bound[0], bound[1]);
    }
  });
  return { x, optima };
}

function appendRow(p: Omit<LpProblem, 'sense' | 'cost'>, coef: Float64Array, lower: number, upper: number): Omit<LpProblem, 'sense' | 'cost'> {
  let nnz = 0;
  for (let j = 0; j < coef.length; j++) if (coef[j] !== 0) nnz++;
  const end = p.rowStart[p.numRows];
  const rowIndex = new Int32Array(end + nnz);
  const rowValue = new Float64Array(end + nnz);
  rowIndex.set(p.rowIndex.subarray(0, end));
  rowValue.set(p.rowValue.subarray(0, end));
  let k = end;
  for (let j = 0; j < coef.length; j++) {
    if (coef[j] === 0) continue;
    rowIndex[k] = j;
    rowValue[k] = coef[j];
    k++;
  }
  const rowStart = new Int32Array(p.numRows + 2);
  rowStart.set(p.rowStart.subarray(0, p.numRows + 1));
  rowStart[p.numRows + 1] = k;
  const rowLower = new Float64Array(p.numRows + 1);
  rowLower.set(p.rowLower);
  rowLower[p.numRows] = lower;
  const rowUpper = new Float64Array(p.numRows + 1);
  rowUpper.set(p.rowUpper);
  rowUpper[p.numRows] = upper;
  return { numCols: p.numCols, colUpper: p.colUpper, numRows: p.numRows + 1, rowStart, rowIndex, rowValue, rowLower, rowUpper };
}
