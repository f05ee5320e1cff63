/**
 * A linear programme in the shape the engine builds and any LP solver can take. The engine
 * stays solver-agnostic and browser-safe: the Node core injects a HiGHS adapter
 * (electron/core/engine/highs-solver.ts); tests may inject any exact solver.
 *
 * Columns have bounds colLower (default 0) ≤ x ≤ colUpper (Infinity = none); rows are
 * sparse (CSR) with bounds rowLower ≤ a·x ≤ rowUpper (±Infinity = none).
 */
export interface LpProblem {
  numCols: number;
  /** Lower bounds; absent = all 0. */
  colLower?: Float64Array;
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
  /** Reduced costs and row duals of an optimal basic solution, when the solver has them. */
  reducedCosts?: Float64Array;
  rowDuals?: Float64Array;
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
 * Lexicographic optimisation: optimise objective 1, restrict the problem to its optimal face,
 * optimise objective 2 there, and so on. Returns the last solution and each stage's optimum.
 *
 * The optimal face is taken exactly, by complementary slackness, when the solver gives duals:
 * every optimal x of a stage leaves at its bound each column with a nonzero reduced cost and
 * keeps tight each row with a nonzero dual (true for any primal–dual optimal pair), and every
 * feasible x that does so is optimal. So those columns are fixed and those rows made
 * equalities — no tolerance that a later stage could spend. Without duals it falls back to
 * a row "objective ≥ optimum − 1e-9 relative".
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
    if (k === objectives.length - 1) return;
    if (sol.reducedCosts && sol.rowDuals) problem = restrictToOptimalFace(problem, sol.x, sol.reducedCosts, sol.rowDuals);
    else {
      const tol = 1e-9 * Math.max(1, Math.abs(sol.objective));
      const bound = obj.sense === 'maximize' ? [sol.objective - tol, Infinity] : [-Infinity, sol.objective + tol];
      problem = appendRow(problem, obj.cost, bound[0], bound[1]);
    }
  });
  return { x, optima };
}

/** Duals below this are solver noise, not a binding price. */
const DUAL_EPS = 1e-9;

function restrictToOptimalFace(
  p: Omit<LpProblem, 'sense' | 'cost'>,
  x: Float64Array,
  rc: Float64Array,
  dual: Float64Array,
): Omit<LpProblem, 'sense' | 'cost'> {
  const colLower = p.colLower ? p.colLower.slice() : new Float64Array(p.numCols);
  const colUpper = p.colUpper.slice();
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (let j = 0; j < p.numCols; j++) {
    if (!(Math.abs(rc[j]) > DUAL_EPS)) continue;
    if (near(x[j], colLower[j])) colUpper[j] = colLower[j];
    else if (colUpper[j] !== Infinity && near(x[j], colUpper[j])) colLower[j] = colUpper[j];
  }
  const rowLower = p.rowLower.slice();
  const rowUpper = p.rowUpper.slice();
  for (let i = 0; i < p.numRows; i++) {
    if (!(Math.abs(dual[i]) > DUAL_EPS)) continue;
    let act = 0;
    for (let k = p.rowStart[i]; k < p.rowStart[i + 1]; k++) act += p.rowValue[k] * x[p.rowIndex[k]];
    if (rowUpper[i] !== Infinity && near(act, rowUpper[i])) rowLower[i] = rowUpper[i];
    else if (rowLower[i] !== -Infinity && near(act, rowLower[i])) rowUpper[i] = rowLower[i];
  }
  return { ...p, colLower, colUpper, rowLower, rowUpper };
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
  return { ...p, numRows: p.numRows + 1, rowStart, rowIndex, rowValue, rowLower, rowUpper };
}
