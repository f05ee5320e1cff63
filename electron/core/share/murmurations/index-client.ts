import { TeiaError } from '../../../../shared/contract/errors.ts';
import { validateProfile } from './schemas.ts';

/**
 * The Murmurations Index API v2, as its documentation (MurmurationsProtocol, index_api-v2.md)
 * describes it: `GET /nodes` searches (by schema, country, locality, tags, a range around a
 * point; paged with `page` / `page_size`, answered as `{data, meta: {number_of_results,
 * total_pages}, links: {next…}}`), `POST /validate` checks a whole profile, `POST /nodes
 * {profile_url}` registers a hosted profile and `GET /nodes/{node_id}` tells its status
 * (received, validated, validation_failed, posted, post_failed, deleted). Everything that
 * comes back is untrusted: read field by field, bounded in size and time.
 */
export const DEFAULT_INDEX = 'https://index.murmurations.network/v2';

export interface IndexSearch {
  schema: string;
  country?: string;
  locality?: string;
  tags?: string;
  lat?: number;
  lon?: number;
  /** "25km" or "15mi", with lat/lon. */
  range?: string;
}

export interface IndexNode {
  profile_url: string;
  name?: string;
  status?: string;
}

export interface ClientOptions {
  /** Per request; a host that does not answer in time is reported, not waited for forever. */
  timeoutMs?: number;
  pageSize?: number;
  /** A bound on how much of an Index one search may pull. */
  maxPages?: number;
}

const MAX_BODY = 5 * 1024 * 1024;

function base(index: string): string {
  if (!/^https?:\/\//i.test(index)) throw new TeiaError('invalid-input', `The Index address must start with https:// or http:// (it was "${index}").`);
  return index.replace(/\/+$/, '');
}

async function getJson(url: string, init: RequestInit, timeoutMs: number, what: string): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch (err) {
    const timedOut = (err as Error).name === 'TimeoutError';
    throw new TeiaError('unsupported', timedOut ? `${what} did not answer within ${Math.round(timeoutMs / 1000)} s.` : `${what} could not be reached (${(err as Error & { cause?: { code?: string } }).cause?.code ?? 'no connection'}): are you online?`);
  }
  const text = await res.text();
  if (text.length > MAX_BODY) throw new TeiaError('too-large', `${what} sent more than ${MAX_BODY / 1024 / 1024} MB.`);
  // undefined: the answer was not JSON (a host's error page, say).
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = undefined;
  }
  return { status: res.status, body };
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Every node the search finds, page after page (up to `maxPages`). */
export async function searchIndex(index: string, q: IndexSearch, options: ClientOptions = {}): Promise<IndexNode[]> {
  const root = base(index);
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? 100;
  const params = new URLSearchParams({ schema: q.schema, page_size: String(pageSize) });
  for (const k of ['country', 'locality', 'tags', 'range'] as const) if (q[k]) params.set(k, q[k]!);
  if (q.lat !== undefined && q.lon !== undefined) {
    params.set('lat', String(q.lat));
    params.set('lon', String(q.lon));
  }
  const nodes: IndexNode[] = [];
  for (let page = 1; page <= maxPages; page++) {
    params.set('page', String(page));
    const { status, body } = await getJson(`${root}/nodes?${params}`, {}, options.timeoutMs ?? 20_000, 'The Murmurations Index');
    if (status !== 200 || body === undefined) throw new TeiaError('unsupported', `The Murmurations Index answered the search with an error (HTTP ${status}).`);
    const data = Array.isArray(obj(body).data) ? (obj(body).data as unknown[]) : [];
    for (const d of data) {
      const n = obj(d);
      if (typeof n.profile_url === 'string' && /^https?:\/\//i.test(n.profile_url)) {
        nodes.push({ profile_url: n.profile_url, ...(typeof n.name === 'string' ? { name: n.name } : {}), ...(typeof n.status === 'string' ? { status: n.status } : {}) });
      }
    }
    const meta = obj(obj(body).meta);
    const pages = typeof meta.total_pages === 'number' ? meta.total_pages : undefined;
    const hasNext = typeof obj(obj(body).links).next === 'string';
    if (data.length === 0 || (pages !== undefined ? page >= pages : !hasNext)) break;
  }
  return nodes;
}

export interface PulledProfiles {
  profiles: Record<string, unknown>[];
  /** Nodes whose profile could not be used: gone, not JSON, too slow, or invalid. */
  failed: { profile_url: string; reason: string }[];
}

/** Each node's profile from its host, a few at a time; each kept with its profile_url. */
export async function fetchProfiles(nodes: IndexNode[], options: { timeoutMs?: number; concurrency?: number } = {}): Promise<PulledProfiles> {
  const out: PulledProfiles = { profiles: [], failed: [] };
  const deleted = nodes.filter((n) => n.status === 'deleted');
  for (const n of deleted) out.failed.push({ profile_url: n.profile_url, reason: 'The Index lists it as deleted.' });
  const queue = nodes.filter((n) => n.status !== 'deleted');
  const results = new Array<Record<string, unknown> | null>(queue.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const i = next++;
      const node = queue[i];
      try {
        const { status, body } = await getJson(node.profile_url, {}, options.timeoutMs ?? 15_000, `The host of ${node.profile_url}`);
        if (status === 404 || status === 410) throw new TeiaError('not-found', 'The profile is gone from its host (HTTP 404).');
        if (status !== 200) throw new TeiaError('unsupported', `Its host answered HTTP ${status}.`);
        if (body === undefined || !body || typeof body !== 'object' || Array.isArray(body)) throw new TeiaError('invalid-input', 'Its host did not send a JSON profile.');
        const problems = validateProfile(body as Record<string, unknown>);
        if (problems.length) throw new TeiaError('invalid-input', `The profile does not validate: ${problems.slice(0, 3).join('; ')}.`);
        results[i] = { ...(body as Record<string, unknown>), profile_url: node.profile_url };
      } catch (err) {
        out.failed.push({ profile_url: node.profile_url, reason: err instanceof TeiaError ? err.message : 'It could not be read.' });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker));
  out.profiles = results.filter((r): r is Record<string, unknown> => r !== null);
  return out;
}

/** `POST /validate`: the Index's own verdict on a profile (failure reasons when it fails). */
export async function validateWithIndex(index: string, profile: Record<string, unknown>, options: ClientOptions = {}): Promise<{ valid: boolean; reasons: string[] }> {
  const { status, body } = await getJson(`${base(index)}/validate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) }, options.timeoutMs ?? 20_000, 'The Murmurations Index');
  if (status === 200) return { valid: true, reasons: [] };
  const errors = Array.isArray(obj(body).errors) ? (obj(body).errors as unknown[]) : [];
  return { valid: false, reasons: errors.map((e) => String(obj(e).detail ?? obj(e).title ?? 'invalid')).slice(0, 20) };
}

export interface NodeStatus {
  profile_url: string;
  node_id?: string;
  status: string;
  reasons: string[];
}

/** `POST /nodes {profile_url}` for each hosted profile, then its status from `GET /nodes/{id}`. */
export async function registerNodes(index: string, profileUrls: string[], options: ClientOptions = {}): Promise<NodeStatus[]> {
  const root = base(index);
  const t = options.timeoutMs ?? 20_000;
  const out: NodeStatus[] = [];
  for (const profile_url of profileUrls) {
    const posted = await getJson(`${root}/nodes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile_url }) }, t, 'The Murmurations Index');
    const data = obj(obj(posted.body).data);
    const nodeId = typeof data.node_id === 'string' ? data.node_id : undefined;
    if (!nodeId) {
      const errors = Array.isArray(obj(posted.body).errors) ? (obj(posted.body).errors as unknown[]) : [];
      out.push({ profile_url, status: 'refused', reasons: errors.map((e) => String(obj(e).detail ?? obj(e).title ?? '')).filter(Boolean) });
      continue;
    }
    const got = await getJson(`${root}/nodes/${encodeURIComponent(nodeId)}`, {}, t, 'The Murmurations Index');
    const state = obj(obj(got.body).data);
    const failures = Array.isArray(state.failure_reasons) ? state.failure_reasons.map(String) : [];
    out.push({ profile_url, node_id: nodeId, status: typeof state.status === 'string' ? state.status : String(data.status ?? 'received'), reasons: failures });
  }
  return out;
}
