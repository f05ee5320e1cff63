import type { GraphEdge, GraphNode, NetworkGraph } from '../../../../shared/contract/network.ts';

export type { GraphEdge, GraphNode, NetworkGraph };

export interface Point {
  x: number;
  y: number;
}

/** Node positions by enterprise id, in model units (cytoscape's preset layout). */
export type Positions = Record<string, Point>;

export type LayoutName = 'force' | 'geo' | 'tiers';

/** A substitution drawn on the graph: a new supplier for a buyer (dashed). */
export interface ProposedLink {
  source: string;
  target: string;
  value: number;
  /** For a new supplier not yet in the graph: how to draw it. */
  sourceName?: string;
  sourceSolidarity?: boolean;
  sourceLat?: number | null;
  sourceLon?: number | null;
}

/** What the mapper hands cytoscape (a structural subset of cytoscape's ElementDefinition). */
export interface ViewNode {
  group: 'nodes';
  data: { id: string; label: string; size: number; value: number; solidarity: boolean; member: boolean };
  position: Point;
  classes: string;
}
export interface ViewEdge {
  group: 'edges';
  data: { id: string; source: string; target: string; value: number; width: number; products: string };
  classes: string;
}
export type ViewElement = ViewNode | ViewEdge;
