import { z } from 'zod';
import { defineMethod } from './define.ts';
import { RECORD_KINDS } from '../domain/kinds.ts';
import { LABEL_LANGS } from '../domain/kind-labels.ts';

/** Formats an import can read; `teia import --format` takes the same words. */
export const importFormats = ['package', 'sse-csv', 'csv', 'xlsx', 'ods', 'geojson', 'murmurations', 'valueflows', 'mykomap'] as const;
export const exportFormats = ['package', 'sse-csv', 'geojson', 'gexf', 'graphml', 'valueflows'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** What to do when an incoming enterprise looks like one already in the catalogue. */
export const duplicateStrategies = ['merge', 'skip', 'keep-both', 'propose'] as const;
export type DuplicateStrategy = (typeof duplicateStrategies)[number];

const solidarityAnswer = z.enum(['yes', 'no', 'unknown']);
/** The person's decision about solidarity for one file (shared/domain/solidarity.ts). */
export const solidarityDecisionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('yes') }).strict(),
  z.object({ mode: z.literal('no') }).strict(),
  z.object({ mode: z.literal('unknown') }).strict(),
  z
    .object({
      mode: z.literal('column'),
      column: z.string().trim().min(1).max(500),
      /** Value of the column → answer; values left out get the default rule. */
      rule: z.record(z.string().max(500), solidarityAnswer).optional(),
    })
    .strict(),
]);

/** What the decision made of the file's enterprises. */
export const solidarityCountsSchema = z.object({
  yes: z.number().int(),
  no: z.number().int(),
  unknown: z.number().int(),
  /** Records the file classifies itself (a package's boolean, a solidarity column). */
  stated: z.number().int(),
});

export const rejectedRowSchema = z.object({
  line: z.number().int(),
  /** The sheet of a workbook the line is in, when the file has several. */
  sheet: z.string().optional(),
  record: z.string().optional(),
  reason: z.string(),
  /** The reason by key, for the window to say in the person's language (see sentenceArgs in ./errors.ts). */
  key: z.string().optional(),
  args: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const recordRef = z.object({ id: z.string(), name: z.string() });

/** One reason for a match score (shared/domain/match.ts), as the review card shows it. */
export const evidenceSchema = z.object({
  kind: z.enum(['id', 'source-id', 'name', 'nickname', 'numbers', 'town', 'postcode', 'country', 'distance', 'phone', 'email', 'website', 'registry']),
  verdict: z.enum(['same', 'similar', 'different']),
  value: z.number().optional(),
  a: z.string().optional(),
  b: z.string().optional(),
});

/** An incoming enterprise that met one already in the catalogue (or earlier in the same file), and what became of it. */
export const duplicateSchema = z.object({
  line: z.number().int(),
  incoming: recordRef,
  existing: recordRef,
  /** Why they matched, as short English phrases: "same source id", "names 92% alike", "0.2 km apart". */
  reasons: z.array(z.string()),
  /** The matcher's score 0–1 and decision: 'same' (confident) or 'review' (a person decides). */
  score: z.number(),
  decision: z.enum(['same', 'review']),
  evidence: z.array(evidenceSchema),
  /** True when the existing record is an earlier row of the same file. */
  withinFile: z.boolean(),
  action: z.enum(['merged', 'skipped', 'kept-both', 'proposed']),
  /** The pending proposal to confirm or reject (action "proposed"). */
  proposalId: z.number().int().optional(),
});
export type DuplicateMatch = z.infer<typeof duplicateSchema>;

/** A partner cell that named several enterprises: a person confirms one, or keeps it new. */
export const partnerReviewSchema = z.object({
  /** What the decision is keyed by: the cell's text (and place column, when given). */
  key: z.string(),
  text: z.string(),
  place: z.string().optional(),
  lines: z.array(z.number().int()),
  reasons: z.array(z.string()),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), locality: z.string().nullable(), country: z.string().nullable() })),
  /** Without a decision, the new enterprise it is written as (and proposed for merging). */
  writtenAs: z.string(),
});
export type PartnerReview = z.infer<typeof partnerReviewSchema>;

/** What the partner and product cells of a sheet resolved to. */
export const resolutionSummarySchema = z.object({
  /** Cells resolved to an enterprise already there (in the file or the catalogue). */
  matched: z.number().int(),
  /** New enterprises, not yet classified (solidarity to be decided): one per name (names under review aside). */
  created: z.array(z.object({ id: z.string(), name: z.string(), line: z.number().int() })),
  review: z.array(partnerReviewSchema),
  newProducts: z.array(z.object({ id: z.string(), name: z.string(), line: z.number().int(), parent: z.string().nullable() })),
});
export type ResolutionSummary = z.infer<typeof resolutionSummarySchema>;

const countsSchema = z.object({
  products: z.number().int(),
  enterprises: z.number().int(),
  offers: z.number().int(),
  needs: z.number().int(),
  flows: z.number().int(),
  networks: z.number().int(),
  currencies: z.number().int(),
});
export type KindCounts = z.infer<typeof countsSchema>;

/** The report of one import (or dry run): accepted + rejected.length = rowsRead, always. */
export const importReportSchema = z.object({
  format: z.string(),
  fileName: z.string().nullable(),
  dryRun: z.boolean(),
  /** True when the records were written (false for a dry run or a refused file). */
  applied: z.boolean(),
  importId: z.number().int().nullable(),
  rowsRead: z.number().int(),
  accepted: z.number().int(),
  rejected: z.array(rejectedRowSchema),
  duplicates: z.array(duplicateSchema),
  /** Records written per kind (new or updated), not counting merged or skipped duplicates. */
  written: countsSchema,
  warnings: z.array(z.string()),
  durationMs: z.number(),
  /** Sheets of flows, offers or needs: how their partner and product names resolved. */
  partners: resolutionSummarySchema.optional(),
  /** How many enterprises of the file are solidarity, not, or still to classify. */
  solidarity: solidarityCountsSchema.optional(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** One side of a review card: what a person needs to tell two records apart. */
export const proposalRecordSchema = recordRef.extend({
  nickname: z.string().nullable(),
  street: z.string().nullable(),
  locality: z.string().nullable(),
  postcode: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Where it came from: the record's source, and the file of the import that brought it. */
  source: z.string().nullable(),
  importFile: z.string().nullable(),
});
export type ProposalRecord = z.infer<typeof proposalRecordSchema>;

/** A pending "are these the same?" question left by an import (the matcher's review band, or every match with `propose`). */
export const mergeProposalSchema = z.object({
  id: z.number().int(),
  importId: z.number().int().nullable(),
  existing: proposalRecordSchema,
  incoming: proposalRecordSchema,
  /** The matcher's score 0–1 (null for proposals written before scores existed). */
  score: z.number().nullable(),
  evidence: z.array(evidenceSchema),
  /** English phrases of the evidence (older proposals have only these). */
  reasons: z.array(z.string()),
  /** Great-circle distance between the two, when both have a position. */
  distanceKm: z.number().nullable(),
  createdAt: z.string(),
});
export type MergeProposal = z.infer<typeof mergeProposalSchema>;

const fileInput = z.object({
  fileName: z.string().min(1).max(500),
  /** The file's bytes, base64: imports go through the same door in the desktop app and the browser. */
  contentBase64: z.string(),
  format: z.enum(importFormats).optional(),
  /** Generic CSV/XLSX: package field → column header. */
  mapping: z.record(z.string(), z.string()).optional(),
  /** What the sheet holds; detected from its headers when not given. */
  kind: z.enum(RECORD_KINDS).optional(),
  /** field → one value for every row (a column the file lacks). */
  constants: z.record(z.string().max(100), z.string().max(1000)).optional(),
  /** A workbook of several sheets: per sheet, its kind, mapping and constants. */
  sheets: z
    .record(
      z.string().max(200),
      z.object({ kind: z.enum(RECORD_KINDS).optional(), mapping: z.record(z.string(), z.string()).optional(), constants: z.record(z.string().max(100), z.string().max(1000)).optional() }).strict(),
    )
    .optional(),
  /** The review list's answers: review key → the enterprise chosen, or '' for a new one. */
  decisions: z.record(z.string().max(2000), z.string().max(500)).optional(),
  /** Where unknown products are created (a product id), else at the root. */
  productParent: z.string().max(500).nullable().optional(),
  /** Solidarity for the records the file does not classify itself; none given means "to classify later". */
  solidarity: solidarityDecisionSchema.optional(),
});

export const importMethods = {
  'import-preview': defineMethod({
    summary: 'Reads a file without writing: its format, a first look at its rows, and the exact report an import would give.',
    write: false,
    large: true,
    input: fileInput.strict(),
    output: z.object({
      format: z.string(),
      /** CSV-like formats: the header row and up to 10 rows, as text. */
      table: z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())) }).nullable(),
      /** What a one-table file holds (given or detected from its headers). */
      kind: z.enum(RECORD_KINDS).nullable(),
      /** A workbook of several data sheets: each one's name, kind and header. */
      sheets: z.array(z.object({ name: z.string(), kind: z.enum(RECORD_KINDS), headers: z.array(z.string()), rows: z.number().int() })),
      /** Products an unknown product can be created under (top two levels of the taxonomy). */
      productParents: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number().int() })),
      report: importReportSchema,
      /** For the solidarity question: the columns a rule can read, the suggestion, and the chosen column's values. */
      solidarity: z.object({
        columns: z.array(z.string()),
        suggestion: solidarityDecisionSchema.nullable(),
        values: z.array(z.object({ value: z.string(), count: z.number().int(), answer: solidarityAnswer })),
      }),
    }),
  }),
  'import-template': defineMethod({
    summary: 'An empty workbook for collecting enterprises, products, offers, needs and flows, in one of four languages.',
    write: false,
    input: z.object({ lang: z.enum(LABEL_LANGS).default('en') }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
  'export-workbook': defineMethod({
    summary: 'The catalogue as a workbook, one sheet per kind of record; it imports back to the same catalogue.',
    write: false,
    input: z.object({ lang: z.enum(LABEL_LANGS).default('en') }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
  'import-run': defineMethod({
    summary: 'Imports a file in one transaction: the whole file lands (less the rejected rows, reported) or nothing does.',
    write: true,
    large: true,
    input: fileInput
      .extend({
        onDuplicate: z.enum(duplicateStrategies).default('propose'),
        /** True when the person accepted that the rejected rows are left out (required when there are any). */
        acceptRejected: z.boolean().optional(),
        jobId: z.string().max(200).optional(),
      })
      .strict(),
    output: importReportSchema,
  }),
  'import-merges-list': defineMethod({
    summary: 'Pending duplicate proposals left by imports, for a person to confirm or reject.',
    write: false,
    input: z.object({}).strict(),
    output: z.object({ items: z.array(mergeProposalSchema) }),
  }),
  'import-merge-resolve': defineMethod({
    summary: 'Answers one duplicate proposal: merge the incoming record into the existing one, keep both, or drop the incoming one.',
    write: true,
    input: z.object({ id: z.number().int(), action: z.enum(['merge', 'keep-both', 'skip']) }).strict(),
    output: z.object({ id: z.number().int(), action: z.enum(['merge', 'keep-both', 'skip']), enterpriseId: z.string() }),
  }),
  'export-run': defineMethod({
    summary: 'The catalogue as a file in the chosen format.',
    write: false,
    input: z.object({ format: z.enum(exportFormats).default('package') }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() }),
  }),
};
