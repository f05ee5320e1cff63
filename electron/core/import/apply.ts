import type { Db } from '../db/open.ts';
import type { DuplicateMatch, DuplicateStrategy, ImportReport, KindCounts } from '../../../shared/contract/import.ts';
import { said, TeiaError } from '../../../shared/contract/errors.ts';
import { CatalogueWriter, FLOW_BATCH } from '../catalogue/write-package.ts';
import { aliasOf, catalogueRecords, evidenceText, matchRecordOf, MatchIndex } from '../match/index.ts';
import { mergeInto } from './merge.ts';
import { checkProducts } from './products.ts';
import { withImportTransaction } from './transaction.ts';
import { deferSearchIndex, rebuildSearchIndex } from '../search/maintenance.ts';
import { isBulk, suspendSecondaryIndexes } from './bulk.ts';
import { SameRows } from './same-rows.ts';
import { resolveNames } from './resolve.ts';
import type { FlowRecord, ParsedFile, RejectedRow, Sourced } from './types.ts';
import type { Acceptance, Enterprise } from '../../../shared/domain/package.ts';
import { ProductIndex } from './resolve-product.ts';
import { voidAcceptances } from './void-acceptances.ts';

export interface ApplyOptions {
  /** Run everything, then roll back: the report is exactly what an import would give. */
  dryRun?: boolean;
  /** An incoming enterprise that matches one in the catalogue (default: propose). */
  onDuplicate?: DuplicateStrategy;
  fileName?: string | null;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Answers to the review list of uncertain partner names (resolve.ts). */
  decisions?: Record<string, string>;
  /** Write nothing when any row would be rejected (the person has not accepted leaving them out). */
  requireNoRejected?: boolean;
  /** Where products a sheet names but the catalogue lacks are created (null: at the root). */
  productParent?: string | null;
  /** Runs inside the transaction once the records are written (e.g. the sample's currencies). */
  afterWrite?: (db: Db, importId: number) => void;
}

/** Records between two looks at the signal / progress events (and, async, the event loop). */
const chunk = 5000;

/**
 * Applies a parsed file to the catalogue in one transaction: the whole file lands, less the
 * rows that cannot be used (each reported with its line and reason), or nothing does.
 * Synchronous: for the sample on first start and for tests. See applyImport for the async form.
 */
export function applyImportSync(db: Db, parsed: ParsedFile, options: ApplyOptions = {}): ImportReport {
  return withImportTransaction(db, (r) => r.applied, () => {
    const steps = importSteps(db, parsed, options);
    for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
  });
}

/**
 * The same import, giving the event loop a turn between chunks so that progress events reach
 * the window and a `job-cancel` can arrive; a cancelled import rolls back entirely.
 */
export async function applyImport(db: Db, parsed: ParsedFile, options: ApplyOptions = {}): Promise<ImportReport> {
  assertNoImportRunning(db);
  return withImportTransaction<ImportReport>(db, (r) => r.applied, async () => {
    const steps = importSteps(db, parsed, options);
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new TeiaError('cancelled', 'The import was cancelled; the catalogue was left as it was.', undefined, { key: 'cancelled' });
    }
  });
}

/**
 * Between two chunks an async import's transaction stays open; another import starting then
 * would nest inside it. One at a time: a transaction open outside a synchronous call can only
 * be another async import's.
 */
export function assertNoImportRunning(db: Db): void {
  if (db.inTransaction) throw new TeiaError('conflict', 'Another import is running on this catalogue; try again when it has finished.');
}

function* importSteps(db: Db, parsed: ParsedFile, options: ApplyOptions): Generator<void, ImportReport, void> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const strategy = options.onDuplicate ?? 'propose';
  const total = parsed.rowsRead;
  const rejected: RejectedRow[] = [...parsed.rejected];
  const warnings = [...parsed.warnings];
  const duplicates: DuplicateMatch[] = [];
  const written: KindCounts = { products: 0, enterprises: 0, offers: 0, needs: 0, flows: 0, networks: 0, currencies: 0 };
  let accepted = 0;
  let done = 0;
  const tick = (label: string) => {
    done++;
    if (done % chunk === 0) {
      options.onProgress?.(done, total, label);
      return true;
    }
    return false;
  };

  const importId = Number(
    db
      .prepare("INSERT INTO imports (format, file_name, started_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
      .run(parsed.format, options.fileName ?? null).lastInsertRowid,
  );
  // Partner and product names of sheets of flows, offers and needs become ids first.
  const resolved = resolveNames(db, parsed, { decisions: options.decisions, productParent: options.productParent });
  if (resolved) rejected.push(...resolved.rejected);
  // The matcher's index: the catalogue as it was before this import, then each record of the
  // file as it is written, so that a row meets both the catalogue and the rows before it.
  const index = new MatchIndex();
  const catalogueIds = new Set<string>();
  if (parsed.enterprises.length) {
    for (const r of catalogueRecords(db)) {
      index.add(r);
      catalogueIds.add(r.key);
    }
  }
  // A file without enterprises (a sheet of flows, offers or needs) still names the catalogue's
  // by id; nothing of this import is written yet when the statement is prepared, and what it
  // writes (partners created above) is found through idMap first.
  const inCatalogue = db.prepare('SELECT 1 FROM enterprises WHERE id = ?').pluck();
  const catalogue = { has: (id: string) => (parsed.enterprises.length ? catalogueIds.has(id) : inCatalogue.get(id) !== undefined) };
  // A big file sets secondary indexes aside (bulk.ts) and re-indexes search once at the end
  // instead of per row (triggers); a small one into a big catalogue keeps both, since
  // rebuilding them whole would cost more. Search triggers set aside mean a rebuild is due.
  const restoreIndexes = isBulk(db, parsed.enterprises.length + parsed.offers.length + parsed.needs.length + parsed.flows.length)
    ? suspendSecondaryIndexes(db)
    : null;
  const bulk = restoreIndexes !== null || parsed.enterprises.length + parsed.products.length + parsed.offers.length > 2000;
  if (bulk) deferSearchIndex(db);
  const writer = new CatalogueWriter(db);

  // Networks first: enterprises name them.
  const networkIds = new Map<string, number>();
  for (const n of parsed.networks) {
    const earlier = networkIds.get(n.value.id);
    if (earlier !== undefined) {
      rejected.push({ line: n.line, record: `network "${n.value.id}"`, reason: `The id "${n.value.id}" is already used by the network on line ${earlier}.`, ...said({ key: 'row-id-used', args: { id: n.value.id, line: earlier } }) });
      continue;
    }
    networkIds.set(n.value.id, n.line);
    writer.network(n.value);
    written.networks++;
    accepted++;
    if (tick('networks')) yield;
  }

  // Products: a parent must be known and the parent chain must not loop.
  const products = checkProducts(db, parsed.products);
  rejected.push(...products.rejected);
  for (const p of products.accepted) {
    writer.product(p.value, importId);
    written.products++;
    accepted++;
    if (tick('products')) yield;
  }
  // Products a sheet named that nobody had: created, not rows of the file.
  for (const p of resolved?.createdProducts ?? []) {
    writer.product(p.value, importId);
    products.known.add(p.value.id);
    written.products++;
  }
  const productKnown = (id: string) => products.known.has(id);
  const fileProducts = new Set(parsed.products.map((p) => p.value.id));
  /** Why a product a currency or an acceptance names cannot be used, or null when it can. */
  const productProblem = (id: string): string | null =>
    productKnown(id)
      ? null
      : fileProducts.has(id)
        ? `the product "${id}", which could not be imported (see that product's row)`
        : `the product "${id}", which is neither in the file nor in the catalogue`;

  // Enterprises: an incoming record that matches one in the catalogue is merged, skipped,
  // kept beside it, or kept and proposed for a person to decide.
  const idMap = new Map<string, string>(); // file id → catalogue id
  const lineOf = new Map<string, number>();
  const fileIds = new Set(parsed.enterprises.map((s) => s.value.id));
  const usedIds = new Set<string>();
  const taken = (id: string) => catalogue.has(id) || usedIds.has(id) || fileIds.has(id);
  const proposal = db.prepare('INSERT INTO merge_proposals (import_id, existing_id, incoming_id, reasons) VALUES (?, ?, ?, ?)');
  const fileLine = new Map<string, number>(); // catalogue id of a record written from this file → its line
  let productNames: ProductIndex | undefined;
  // New records' activities, criteria, … go many to a statement, written before anything reads them.
  writer.batchLists = true;
  for (const s of parsed.enterprises) {
    const e = s.value;
    const earlier = lineOf.get(e.id);
    if (earlier !== undefined) {
      rejected.push({ line: s.line, record: `enterprise "${e.name}"`, reason: `The id "${e.id}" is already used by the enterprise on line ${earlier}.`, ...said({ key: 'row-id-used', args: { id: e.id, line: earlier } }) });
      continue;
    }
    if (e.name.includes('\u0000')) {
      // SQLite's length() stops at a NUL, so the table's name check would fail the whole import.
      rejected.push({ line: s.line, record: `enterprise "${e.id}"`, reason: 'Its name contains the NUL character (often a sign of a file read with the wrong encoding).', ...said({ key: 'row-nul' }) });
      continue;
    }
    // A sheet names the products an acceptance is for as people write them (an id, or a
    // name in any of the four languages); a package names them by id, as the format says.
    if (parsed.format !== 'package' && e.currencies?.some((a) => typeof a !== 'string' && a.products)) {
      productNames ??= ProductIndex.fromCatalogue(db);
      e.currencies = namedProducts(e.currencies, productNames);
    }
    const badAcceptance = acceptanceProblem(e, productProblem);
    if (badAcceptance) {
      rejected.push({ line: s.line, record: `enterprise "${e.name}"`, reason: badAcceptance });
      continue;
    }
    lineOf.set(e.id, s.line);
    accepted++;
    const prov = { importId, sourceRow: s.line, sourceId: s.sourceId ?? null, extra: s.extra ?? null, classified: !s.unclassified };
    const record = matchRecordOf(e, e.id, { sourceId: s.sourceId, idFromName: s.idFromName, extra: s.extra });
    const match = index.size ? index.best(record) : null;
    const dup: DuplicateMatch | null = match
      ? {
          line: s.line,
          incoming: { id: e.id, name: e.name },
          existing: { id: match.other.key, name: match.other.name },
          reasons: match.evidence.map(evidenceText),
          score: match.score,
          decision: match.decision === 'same' ? 'same' : 'review',
          evidence: match.evidence,
          withinFile: fileLine.has(match.other.key),
          action: 'merged',
        }
      : null;
    // Two rows of one file are only flagged (a proposal): a directory lists each of its
    // enterprises once on purpose more often than by mistake.
    if (match && dup && match.decision === 'same' && !dup.withinFile && (strategy === 'merge' || strategy === 'skip')) {
      // Confident: the record is the one already there (Open Supply Hub's automatic match).
      idMap.set(e.id, match.other.key);
      if (strategy === 'merge') mergeInto(db, writer, match.other.key, e, prov);
      dup.action = strategy === 'merge' ? 'merged' : 'skipped';
      // Its spelling now finds that record too, with what the record knows (e.g. its acronym).
      index.add(aliasOf(match.other, record));
    } else {
      // Written as its own record; an id made from the name may be taken by another record.
      const id = freeId(e.id, (x) => (x === e.id ? catalogue.has(x) || usedIds.has(x) : taken(x)));
      idMap.set(e.id, id);
      usedIds.add(id);
      writer.enterprise(id === e.id ? e : { ...e, id }, prov, true);
      written.enterprises++;
      fileLine.set(id, s.line);
      index.add({ ...record, key: id, givenId: record.givenId === null ? null : id });
      if (match && dup) {
        if (id !== e.id) dup.incoming = { id, name: e.name };
        dup.action = strategy === 'keep-both' ? 'kept-both' : 'proposed';
        if (strategy !== 'keep-both') {
          const reasons = JSON.stringify({ score: match.score, decision: match.decision, evidence: match.evidence });
          dup.proposalId = Number(proposal.run(importId, match.other.key, id, reasons).lastInsertRowid);
        }
      }
    }
    if (dup) duplicates.push(dup);
    if (tick('enterprises')) yield;
  }
  // Partners a sheet named that are in neither the file nor the catalogue: new, not yet
  // classified (solidarity is a person's decision), and not rows of the file.
  const unclassified = db.prepare('UPDATE enterprises SET classified = 0 WHERE id = ?');
  for (const s of resolved?.created ?? []) {
    writer.enterprise(s.value, { importId, sourceRow: s.line }, true);
    unclassified.run(s.value.id);
    idMap.set(s.value.id, s.value.id);
    usedIds.add(s.value.id);
    written.enterprises++;
  }
  for (const p of resolved?.proposals ?? []) proposal.run(importId, p.existingId, p.incomingId, JSON.stringify(p.reasons));
  writer.batchLists = false;
  writer.flushLists();
  const enterpriseRef = (id: string): string | null => idMap.get(id) ?? (catalogue.has(id) ? id : null);

  // Currencies (package v1.1): the issuer is an enterprise, the products a voucher pays for are products.
  const currencyLines = new Map<string, number>();
  for (const s of parsed.currencies) {
    const c = s.value;
    const record = `currency "${c.id}"`;
    const earlier = currencyLines.get(c.id);
    let reason: string | null = earlier !== undefined ? `The id "${c.id}" is already used by the currency on line ${earlier}.` : null;
    const issuer = c.issuer === undefined ? null : enterpriseRef(c.issuer);
    if (!reason && c.issuer !== undefined && issuer === null) reason = `Its issuer "${c.issuer}" is neither in the file nor in the catalogue.`;
    const bad = reason ? null : (c.products ?? []).map(productProblem).find((x) => x !== null);
    if (bad) reason = `It may pay for ${bad}, so it would pay for something the catalogue does not know.`;
    if (reason) {
      // A currencies sheet of a workbook: the line is that sheet's.
      rejected.push({ line: s.line, ...(s.sheet ? { sheet: s.sheet } : {}), record, reason });
      continue;
    }
    currencyLines.set(c.id, s.line);
    writer.currency(issuer === null || issuer === c.issuer ? c : { ...c, issuer });
    written.currencies++;
    accepted++;
  }
  // Enterprises the catalogue already had that the file's offers, needs and flows name
  // (merged or skipped duplicates, or records the file names by their catalogue id).
  const preExisting = new Set<string>();
  const notePre = (id: string) => {
    const resolved = enterpriseRef(id);
    if (resolved !== null && catalogue.has(resolved) && !usedIds.has(resolved)) preExisting.add(resolved);
  };
  // None when the file brings enterprises into a catalogue that had none: no need to look
  // through a million flows to learn it.
  const catalogueHadNone = parsed.enterprises.length > 0 && catalogueIds.size === 0;
  if (!catalogueHadNone) {
    for (const s of parsed.offers) notePre(s.value.enterprise);
    for (const s of parsed.needs) notePre(s.value.enterprise);
    for (const s of parsed.flows) {
      notePre(s.value.supplier);
      notePre(s.value.buyer);
    }
  }
  const same = preExisting.size ? new SameRows(db, preExisting) : null;

  // Offers, needs, flows: every reference must name a known enterprise and product.
  // The rows, not their lines: a package's row finds its line only when it is reported.
  const seen = { offers: new Map<string, Sourced<unknown>>(), needs: new Map<string, Sourced<unknown>>() };
  // The label is made only for a row that is rejected: a million flows need no million strings.
  const checkId = (kind: 'offers' | 'needs', s: Sourced<{ id?: string }>, label: () => string) => {
    const id = s.value.id;
    if (id === undefined) return true;
    const first = seen[kind].get(id);
    if (first !== undefined) {
      const earlier = first.line;
      rejected.push({ line: s.line, record: label(), reason: `The id "${id}" is already used on line ${earlier}.`, ...said({ key: 'row-id-used', args: { id, line: earlier } }) });
      return false;
    }
    seen[kind].set(id, s);
    return true;
  };
  const missing = (what: string, id: string) => `It names the ${what} "${id}", which is neither in the file nor in the catalogue.`;

  parsed.offers.forEach((s, i) => {
    const o = s.value;
    const label = () => `offer ${o.id ? `"${o.id}"` : `#${i + 1}`} (${o.enterprise} → ${o.product})`;
    const enterprise = enterpriseRef(o.enterprise);
    if (!enterprise) return rejected.push({ line: s.line, record: label(), reason: missing('enterprise', o.enterprise), ...said({ key: 'row-no-enterprise', args: { id: o.enterprise } }) });
    if (!productKnown(o.product)) return rejected.push({ line: s.line, record: label(), reason: missing('product', o.product), ...said({ key: 'row-no-product', args: { id: o.product } }) });
    if (!checkId('offers', s, label)) return;
    const value = enterprise === o.enterprise ? o : { ...o, enterprise };
    if (!same?.offer(value, importId)) writer.offer(value, importId);
    written.offers++;
    accepted++;
  });
  yield;
  parsed.needs.forEach((s, i) => {
    const n = s.value;
    const label = () => `need ${n.id ? `"${n.id}"` : `#${i + 1}`} (${n.enterprise} ← ${n.product})`;
    const enterprise = enterpriseRef(n.enterprise);
    if (!enterprise) return rejected.push({ line: s.line, record: label(), reason: missing('enterprise', n.enterprise), ...said({ key: 'row-no-enterprise', args: { id: n.enterprise } }) });
    if (!productKnown(n.product)) return rejected.push({ line: s.line, record: label(), reason: missing('product', n.product), ...said({ key: 'row-no-product', args: { id: n.product } }) });
    if (!checkId('needs', s, label)) return;
    const value = enterprise === n.enterprise ? n : { ...n, enterprise };
    if (!same?.need(value, importId)) writer.need(value, importId);
    written.needs++;
    accepted++;
  });
  yield;
  const flowLabel = (f: FlowRecord, i: number) => `flow ${f.id ? `"${f.id}"` : `#${i + 1}`} (${f.supplier} → ${f.buyer}, ${f.product})`;
  const flowProblem = (f: FlowRecord, supplier = enterpriseRef(f.supplier), buyer = enterpriseRef(f.buyer)): string | null =>
    !supplier ? missing('supplier', f.supplier) : !buyer ? missing('buyer', f.buyer) : !productKnown(f.product) ? missing('product', f.product) : null;
  let firstFlowLines: Map<string, number> | undefined;
  // A flow's id twice in the file: the writer says so (unique index), and the earlier line is
  // looked for only then, as the first usable row with that id.
  const settle = (ok: boolean, s: Sourced<FlowRecord>, i: number) => {
    if (ok) {
      written.flows++;
      accepted++;
      return;
    }
    const id = s.value.id!;
    // One pass for all of them, made at the first: a file may repeat many ids.
    firstFlowLines ??= firstUsableLines(parsed.flows, flowProblem);
    const earlier = firstFlowLines.get(id)!;
    rejected.push({ line: s.line, record: flowLabel(s.value, i), reason: `The id "${id}" is already used on line ${earlier}.`, ...said({ key: 'row-id-used', args: { id, line: earlier } }) });
  };
  // Into a catalogue that had no flows, many to a statement (CatalogueWriter.flowsOnce).
  const batched = same === null && db.prepare('SELECT 1 FROM flows LIMIT 1').get() === undefined;
  const pending = { rows: [] as Sourced<FlowRecord>[], at: [] as number[], values: [] as FlowRecord[] };
  const flush = () => {
    const answers = writer.flowsOnce(pending.values, importId);
    answers.forEach((ok, k) => settle(ok, pending.rows[k], pending.at[k]));
    pending.rows.length = pending.at.length = pending.values.length = 0;
  };
  for (let i = 0; i < parsed.flows.length; i++) {
    const s = parsed.flows[i];
    const f = s.value;
    const supplier = enterpriseRef(f.supplier);
    const buyer = enterpriseRef(f.buyer);
    const reason = flowProblem(f, supplier, buyer);
    if (reason) rejected.push({ line: s.line, record: flowLabel(f, i), reason });
    else if (supplier && buyer) {
      const value = supplier === f.supplier && buyer === f.buyer ? f : { ...f, supplier, buyer };
      if (!batched) settle(same?.flow(value, importId) || writer.flowOnce(value, importId), s, i);
      else {
        pending.rows.push(s);
        pending.at.push(i);
        if (pending.values.push(value) === FLOW_BATCH) flush();
      }
    }
    if (tick('flows')) yield;
  }
  if (pending.values.length) flush();

  if (parsed.enterprises.some((s) => s.value.currencies?.some((a) => typeof a !== 'string' && a.products?.length))) {
    warnings.push(...voidAcceptances(db, [...fileLine.keys()]));
  }

  // A file none of whose rows could be used is refused: an empty import run is not worth a record.
  const unaccepted = (options.requireNoRejected ?? false) && rejected.length > 0 && accepted > 0;
  const refused = (parsed.rowsRead > 0 && accepted === 0) || unaccepted;
  if (unaccepted) warnings.push(`${rejected.length} ${rejected.length === 1 ? 'row was' : 'rows were'} rejected and leaving them out was not accepted, so nothing was imported.`);
  else if (refused) warnings.push('None of the rows could be used, so nothing was imported.');
  // Rolled back anyway when not kept; rebuilding the indexes would be wasted work.
  if (restoreIndexes && !dryRun && !refused) {
    options.onProgress?.(total, total, 'indexes');
    restoreIndexes();
  }
  if (!dryRun && !refused) options.afterWrite?.(db, importId);
  if (bulk && !dryRun && !refused) {
    options.onProgress?.(total, total, 'search index');
    rebuildSearchIndex(db);
  }
  rejected.sort((a, b) => a.line - b.line);
  if (accepted + rejected.length !== parsed.rowsRead) {
    warnings.push(`Counting went wrong: ${accepted} accepted and ${rejected.length} rejected make ${accepted + rejected.length}, not the ${parsed.rowsRead} rows read.`);
  }
  const report: ImportReport = {
    format: parsed.format,
    fileName: options.fileName ?? null,
    dryRun,
    applied: !dryRun && !refused,
    importId: dryRun || refused ? null : importId,
    rowsRead: parsed.rowsRead,
    accepted,
    rejected,
    duplicates,
    written,
    warnings,
    durationMs: Math.round(performance.now() - started),
    ...(resolved ? { partners: resolved.summary } : {}),
    ...(parsed.solidarity ? { solidarity: parsed.solidarity } : {}),
  };
  db.prepare('UPDATE imports SET rows_read = ?, accepted = ?, rejected = ?, report = ? WHERE id = ?').run(
    report.rowsRead,
    report.accepted,
    report.rejected.length,
    JSON.stringify({ ...report, rejected: report.rejected.slice(0, 1000), duplicates: report.duplicates.slice(0, 1000) }),
    importId,
  );
  options.onProgress?.(total, total, 'done');
  return report;
}

/**
 * An enterprise's acceptance that cannot be kept as given: a product it names that the
 * catalogue will not have. (A share outside (0, 1] is refused by the schema already; a
 * currency nobody defines is kept, with no kind, as ENGINE.md §3.8 says.)
 */
function acceptanceProblem(e: Enterprise, productProblem: (id: string) => string | null): string | null {
  for (const a of e.currencies ?? []) {
    if (typeof a === 'string') continue;
    for (const p of a.products ?? []) {
      const bad = productProblem(p);
      if (bad) return `It accepts "${a.currency}" for ${bad}.`;
    }
  }
  return null;
}

/** Acceptances with each product a name or id of the catalogue's written as its id (others left as written, to be reported). */
function namedProducts(list: Acceptance[], index: ProductIndex): Acceptance[] {
  return list.map((a) => (typeof a === 'string' || !a.products ? a : { ...a, products: a.products.map((p) => index.find(p)?.id ?? p) }));
}

/** Each id's first row that can be used (no problem with its references): the one written. */
function firstUsableLines(rows: readonly Sourced<FlowRecord>[], problem: (f: FlowRecord) => string | null): Map<string, number> {
  const lines = new Map<string, number>();
  for (const r of rows) if (r.value.id !== undefined && !lines.has(r.value.id) && problem(r.value) === null) lines.set(r.value.id, r.line);
  return lines;
}

/** `id`, or `id-2`, `id-3`… the first one not taken. */
function freeId(id: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(id)) return id;
  for (let i = 2; ; i++) if (!isTaken(`${id}-${i}`)) return `${id}-${i}`;
}

