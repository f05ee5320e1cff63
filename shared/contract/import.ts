import { z } from 'zod';
import { defineMethod } from './define.ts';

/** Formats an import can read; `teia import --format` takes the same words. */
export const importFormats = ['package', 'sse-csv', 'csv', 'xlsx', 'geojson', 'murmurations', 'valueflows', 'mykomap'] as const;
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
  record: z.string().optional(),
  reason: z.string(),
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
      report: importReportSchema,
      /** For the solidarity question: the columns a rule can read, the suggestion, and the chosen column's values. */
      solidarity: z.object({
        columns: z.array(z.string()),
        suggestion: solidarityDecisionSchema.nullable(),
        values: z.array(z.object({ value: z.string(), count: z.number().int(), answer: solidarityAnswer })),
      }),
    }),
  }),
  'import-run': defineMethod({
    summary: 'Imports a file in one transaction: the whole file lands (less the rejected rows, reported) or nothing does.',
    write: true,
    large: true,
    input: fileInput
      .extend({
        onDuplicate: z.enum(duplicateStrategies).default('propose'),
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
