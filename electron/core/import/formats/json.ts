import { TeiaError } from '../../../../shared/contract/errors.ts';
import { decodeText } from './decode.ts';

/** Bytes → JSON value, or an invalid-input error a person can act on. */
export function readJson(content: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decodeText(content).text) as unknown;
  } catch (error) {
    throw new TeiaError('invalid-input', `This file is not valid JSON, so it cannot be read as ${what}: ${(error as Error).message}.`);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
