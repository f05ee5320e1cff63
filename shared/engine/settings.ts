import { z } from 'zod';
import { CRITERIA } from '../domain/package.ts';

/**
 * What a person can change per analysis (ENGINE.md: "Where the app offers a setting…").
 * Defaults are the spec's: all criteria weights 1, composite 0.75 score + 0.25 proximity,
 * 6 tiers. Saved by name as profiles.
 */
const weight = z.number().min(0).max(1000);

export const criteriaWeightsSchema = z
  .object(Object.fromEntries(CRITERIA.map((c) => [c, weight.optional()])) as Record<(typeof CRITERIA)[number], z.ZodOptional<typeof weight>>)
  .strict();

export const engineSettingsSchema = z
  .object({
    /** Weight of each criterion in score(e); a criterion left out keeps weight 1. */
    weights: criteriaWeightsSchema.optional(),
    /** composite(e, b) = score · score(e) + proximity · proximity(e, b). */
    composite: z.object({ score: weight, proximity: weight }).strict().optional(),
    tiers: z.number().int().min(1).max(50).optional(),
  })
  .strict();
export type EngineSettingsInput = z.infer<typeof engineSettingsSchema>;

export interface EngineSettings {
  weights: Record<(typeof CRITERIA)[number], number>;
  composite: { score: number; proximity: number };
  tiers: number;
}

export const DEFAULT_TIERS = 6;

export function resolveSettings(input: EngineSettingsInput | undefined): EngineSettings {
  const weights = Object.fromEntries(CRITERIA.map((c) => [c, input?.weights?.[c] ?? 1])) as EngineSettings['weights'];
  return {
    weights,
    composite: input?.composite ?? { score: 0.75, proximity: 0.25 },
    tiers: input?.tiers ?? DEFAULT_TIERS,
  };
}
