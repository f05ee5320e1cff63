import type { z } from 'zod';
import { coreMethods } from './core.ts';
import { catalogueMethods } from './catalogue.ts';
import { searchMethods } from './search.ts';
import { importMethods } from './import.ts';
import { vocabMethods } from './vocab.ts';
import { directoryMethods } from './directory.ts';
import { engineMethods } from './engine.ts';
import { backupMethods } from './backup.ts';
import { networkMethods } from './network.ts';
import { chainMethods } from './chains.ts';
import { taxonomyEditMethods } from './taxonomy-edit.ts';
import { shareMethods } from './share.ts';
import { classifyMethods } from './classify.ts';
import { accessMethods } from './access.ts';
import { currencyMethods } from './currencies.ts';
import { fixMethods } from './fixes.ts';

/**
 * The one door between the UI and the core. Each domain adds its methods in its own file and
 * one spread here; names are `domain-verb` in kebab case.
 */
export const methods = {
  ...engineMethods,
  ...coreMethods,
  ...catalogueMethods,
  ...searchMethods,
  ...importMethods,
  ...vocabMethods,
  ...directoryMethods,
  ...backupMethods,
  ...networkMethods,
  ...chainMethods,
  ...taxonomyEditMethods,
  ...shareMethods,
  ...classifyMethods,
  ...accessMethods,
  ...currencyMethods,
  ...fixMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './errors.ts';
export type { TeiaEvent } from './events.ts';
