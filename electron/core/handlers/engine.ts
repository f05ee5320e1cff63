import type { Handlers } from '../dispatch.ts';
import type { AnalyseOutput, CompareOutput } from '../../../shared/contract/engine.ts';
import type { MethodOutput } from '../../../shared/contract/index.ts';
import { TeiaError } from '../../../shared/contract/errors.ts';
import { buildModel } from '../../../shared/engine/model.ts';
import { resolveSettings } from '../../../shared/engine/settings.ts';
import { explainSupplier } from '../../../shared/engine/explain.ts';
import { readPackage } from '../catalogue/read-package.ts';
import { runEngineTask } from '../engine/runner.ts';
import { checkScenarioAcceptances, deleteProfile, deleteScenario, listProfiles, listScenarios, mergeSettings, readScenario, saveProfile, saveScenario } from '../engine/store.ts';

type EngineHandlers = Pick<
  Handlers,
  | 'engine-analyse'
  | 'engine-chain'
  | 'engine-explain-supplier'
  | 'engine-payable'
  | 'profile-list'
  | 'profile-save'
  | 'profile-delete'
  | 'scenario-save'
  | 'scenario-list'
  | 'scenario-get'
  | 'scenario-delete'
  | 'scenario-compare'
>;

export const engineHandlers: EngineHandlers = {
  'engine-analyse': (input, ctx) =>
    runEngineTask<AnalyseOutput>(
      ctx,
      {
        kind: 'analyse',
        network: input.network ?? null,
        settings: mergeSettings(ctx.db, input.profile, input.settings, input.tiers),
        plan: input.plan,
        limits: input.limits,
      },
      input.jobId,
    ),
  'engine-chain': (input, ctx) =>
    runEngineTask<MethodOutput<'engine-chain'>>(
      ctx,
      { kind: 'chain', enterprise: input.enterprise, settings: mergeSettings(ctx.db, input.profile, input.settings, input.tiers) },
      input.jobId,
    ),
  'engine-payable': (input, ctx) =>
    runEngineTask<MethodOutput<'engine-payable'>>(ctx, { kind: 'payable', enterprise: input.enterprise, network: input.network ?? null }, input.jobId),
  'engine-explain-supplier': (input, ctx) => {
    // Scores and distances need only the enterprises: a small read, fine on this thread.
    const pkg = readPackage(ctx.db);
    const m = buildModel({ ...pkg, offers: [], needs: [], flows: [] }, resolveSettings(mergeSettings(ctx.db, input.profile, input.settings)));
    if (!m.ent.index.has(input.enterprise)) throw new TeiaError('not-found', `There is no enterprise "${input.enterprise}" in this catalogue.`, undefined, { key: 'enterprise-not-found', args: { id: input.enterprise } });
    if (input.buyer && !m.ent.index.has(input.buyer)) throw new TeiaError('not-found', `There is no enterprise "${input.buyer}" in this catalogue.`, undefined, { key: 'enterprise-not-found', args: { id: input.buyer } });
    return explainSupplier(m, input.enterprise, input.buyer ?? null);
  },
  'profile-list': (_input, ctx) => ({ profiles: listProfiles(ctx.db) }),
  'profile-save': ({ name, settings }, ctx) => {
    saveProfile(ctx.db, name, settings);
    return { name };
  },
  'profile-delete': ({ name }, ctx) => ({ deleted: deleteProfile(ctx.db, name) }),
  'scenario-save': (input, ctx) => {
    checkScenarioAcceptances(ctx.db, input.acceptances);
    return {
      id: saveScenario(ctx.db, { name: input.name, network: input.network ?? null, settings: input.settings ?? {}, changes: input.changes, acceptances: input.acceptances }),
    };
  },
  'scenario-list': (_input, ctx) => ({ scenarios: listScenarios(ctx.db) }),
  'scenario-get': ({ id }, ctx) => readScenario(ctx.db, id),
  'scenario-delete': ({ id }, ctx) => ({ deleted: deleteScenario(ctx.db, id) }),
  'scenario-compare': (input, ctx) => {
    const saved = input.id !== undefined ? readScenario(ctx.db, input.id) : null;
    const changes = input.changes ?? saved?.changes ?? (input.acceptances ? [] : undefined);
    if (!changes) throw new TeiaError('invalid-input', 'Give a saved scenario (id), or the changes or acceptances to compare.');
    const acceptances = input.acceptances ?? saved?.acceptances ?? [];
    return runEngineTask<CompareOutput>(
      ctx,
      { kind: 'compare', network: input.network !== undefined ? input.network : (saved?.network ?? null), settings: input.settings ?? saved?.settings ?? {}, changes, acceptances },
      input.jobId,
    );
  },
};
