import type { z } from 'zod';

/**
 * One method of the contract: its name (the key in the registry), input and output schemas,
 * and whether it writes (a `--read-only` server refuses writers). The IPC handler, the HTTP
 * route and the renderer's client are all derived from these definitions.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** True when the method changes the catalogue. */
  write: boolean;
  /** True when the input may be large (a file to import); the server allows a bigger body. */
  large?: boolean;
  summary: string;
}

export function defineMethod<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}
