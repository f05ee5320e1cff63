/**
 * The engine's output, field for field as ENGINE.md §4 prints it (`teia analyse --json`).
 * Extras that are not in §4 (communities, betweenness, explanations) live in their own types
 * so that the §4 object stays exactly what the spec says.
 */

export interface Scope {
  network: string | null;
  /** Member ids, sorted ascending. */
  members: string[];
}

export interface Leakage {
  value: number;
  total: number;
  share: number | null;
  /** The part of `value` paid to suppliers outside the scope. */
  outsideValue: number;
}

export interface Substitute {
  enterprise: string;
  product: string;
  /** null = unlimited (the offer's capacity is unknown). */
  spare: number | null;
  /** null when the flow's quantity is unknown and the spare is not unlimited. */
  coverage: number | null;
  distanceKm: number | null;
  score: number;
  composite: number;
}

export interface Alternative {
  enterprise: string;
  product: string;
  spare: number | null;
  distanceKm: number | null;
  score: number;
  composite: number;
}

export interface Link {
  flow: string;
  supplier: string;
  buyer: string;
  product: string;
  /** null when unknown (spec v1.1). */
  quantity: number | null;
  value: number | null;
  supplierScore: number;
  priority: number | null;
  substitutes: Substitute[];
  leastBadAlternative: Alternative | null;
}

export interface Gap {
  product: string;
  demand: number;
  /** null = unlimited (some solidarity offer has unknown capacity); such a product has no gap. */
  supply: number | null;
  gap: number;
  referencePrice: number | null;
  value: number | null;
}

export interface PlanChange {
  line: string;
  buyer: string;
  product: string;
  /** null for an unmet need. */
  from: string | null;
  to: string;
  quantity: number;
}

export interface Plan {
  totalValue: number;
  solidarityValueBefore: number;
  solidarityValueAfter: number;
  shareBefore: number | null;
  shareAfter: number | null;
  leakageBefore: number | null;
  leakageAfter: number | null;
  unmetValue: number;
  compositeObjective: number;
  changes: PlanChange[];
}

/** §3.8: one member's figures in one currency. */
export interface CurrencyMember {
  enterprise: string;
  spend: number;
  earn: number;
  payableShare: number | null;
  stuck: number;
}

export interface NextAcceptor {
  enterprise: string;
  solidarity: boolean;
  gain: number;
}

/** §3.8: one currency over the scope. `kind` is null for a currency that enterprises list but the package does not define. */
export interface CurrencyFigures {
  currency: string;
  kind: string | null;
  acceptors: string[];
  payableValue: number;
  payableShare: number | null;
  earn: number;
  stuck: number;
  circulation: number | null;
  members: CurrencyMember[];
  nextAcceptors: NextAcceptor[];
}

/** §3.9: a solidarity enterprise that could buy what a member now sells to a non-solidarity buyer. */
export interface OutletAlternative {
  enterprise: string;
  room: number;
  coverage: number | null;
  distanceKm: number | null;
  score: number;
  composite: number;
}

export interface Outlet {
  flow: string;
  supplier: string;
  buyer: string;
  product: string;
  quantity: number | null;
  value: number | null;
  buyerScore: number;
  priority: number | null;
  alternatives: OutletAlternative[];
}

export interface Sales {
  shares: Record<string, number | null>;
  value: number;
  total: number;
  share: number | null;
  outsideValue: number;
  outlets: Outlet[];
}

/** Exactly the object of ENGINE.md §4. `plan` is null only when the caller asked for no plan. */
export interface AnalysisResult {
  scope: Scope;
  unvalued: string[];
  leakage: Leakage;
  directShare: Record<string, number | null>;
  chainShare: Record<string, number | null>;
  links: Link[];
  gaps: Gap[];
  plan: Plan | null;
  circuits: string[][];
  currencies: CurrencyFigures[];
  sales: Sales;
}

/** Louvain communities on the undirected value-weighted graph around the scope. */
export interface Communities {
  /** Number of communities found. */
  count: number;
  modularity: number;
  /** Enterprise id → community number (0-based, numbered by first member id). */
  membership: Record<string, number>;
  seed: number;
  /** graphology-communities-louvain for graphs up to 50,000 edges, else the array implementation. */
  method: 'graphology-louvain' | 'array-louvain';
}

export interface Betweenness {
  /** True when computed from a sample of sources rather than from every node. */
  approximate: boolean;
  /** Number of source nodes used (= node count when exact). */
  sources: number;
  nodes: number;
  /** The most central enterprises, highest first (ties by id). */
  top: { id: string; value: number }[];
}

export interface Structure {
  communities: Communities;
  betweenness: Betweenness;
}
