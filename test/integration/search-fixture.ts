import path from 'node:path';
import { openCore, type Core } from '../../electron/core/index.ts';
import { writePackage } from '../../electron/core/catalogue/write-package.ts';
import type { TeiaPackage } from '../../shared/domain/package.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Places used below (lat, lon). */
export const PORTO = { lat: 41.15, lon: -8.61 };
export const LISBOA = { lat: 38.72, lon: -9.14 };
export const FARO = { lat: 37.02, lon: -7.93 };

/**
 * A small catalogue made for search: accents, a taxonomy whose narrower product does not repeat
 * its parent's name (arabica beans ⊂ coffee), ties between solidarity and other enterprises,
 * and bakeries at known distances.
 */
export const searchPackage: TeiaPackage = {
  format: 'teia-package',
  version: 1,
  products: [
    { id: 'food', name: 'Food', names: { pt: 'Alimentos', es: 'Alimentos', fr: 'Alimentation' }, parent: null },
    { id: 'coffee', name: 'Coffee', names: { pt: 'Café', es: 'Café', fr: 'Café' }, parent: 'food' },
    { id: 'arabica', name: 'Arabica beans', names: { pt: 'Grãos arábica' }, parent: 'coffee' },
    { id: 'sugar', name: 'Sugar', names: { pt: 'Açúcar', es: 'Azúcar', fr: 'Sucre' }, parent: 'food', codes: { hs: '1701' } },
    { id: 'bread', name: 'Bread', names: { pt: 'Pão', es: 'Pan', fr: 'Pain' }, parent: 'food' },
    { id: 'soap', name: 'Soap', names: { pt: 'Sabão' }, parent: null },
  ],
  enterprises: [
    // Same kind of match ("cafe" as a word of the name); the other one has the shorter name.
    { id: 'cafe-a', name: 'Café A', solidarity: false, locality: 'Porto', lat: 41.16, lon: -8.62 },
    { id: 'cafe-solidario', name: 'Café Solidário do Bairro', solidarity: true, locality: 'Lisboa', lat: 38.71, lon: -9.13, currencies: ['moeda-social'] },
    // Offers only the narrower product, and says nothing about coffee itself.
    { id: 'horta-viva', name: 'Horta Viva', solidarity: true, locality: 'Braga', lat: 41.55, lon: -8.42, description: 'Grower collective' },
    { id: 'acucareira', name: 'Cooperativa Açucareira', solidarity: true, locality: 'Coimbra', lat: 40.2, lon: -8.41 },
    { id: 'coop-norte', name: 'Cooperativa Agrícola do Norte', solidarity: true, locality: 'Viana do Castelo', lat: 41.69, lon: -8.83, activities: ['agriculture'] },
    { id: 'padaria-lisboa', name: 'Padaria Lisboa', solidarity: false, ...LISBOA, locality: 'Lisboa' },
    { id: 'padaria-porto', name: 'Padaria Porto', solidarity: false, ...PORTO, locality: 'Porto' },
    { id: 'padaria-faro', name: 'Padaria Faro', solidarity: false, ...FARO, locality: 'Faro' },
    { id: 'sabao-1', name: 'Sabões Lda', solidarity: false, criteria: { ecological: 0.9, decent_work: 0.9, social_inclusion: 0.9, economic_democracy: 0.9, gender_equity: 0.9, transparency: 0.9 }, ...FARO },
    // Fewer criteria known: missing ones count 0, so it ranks below although its known ones are perfect.
    { id: 'sabao-2', name: 'Sabonetes SA', solidarity: false, criteria: { ecological: 1, decent_work: 1 }, ...PORTO },
  ],
  offers: [
    { enterprise: 'cafe-a', product: 'coffee', price: 12, capacity: 100, currency: 'EUR' },
    { enterprise: 'cafe-solidario', product: 'coffee', price: 14, capacity: 50, currency: 'EUR' },
    { enterprise: 'horta-viva', product: 'arabica', price: 20, capacity: 30, currency: 'EUR' },
    { enterprise: 'acucareira', product: 'sugar', price: 2, capacity: 1000 },
    { enterprise: 'padaria-lisboa', product: 'bread', price: 1 },
    { enterprise: 'padaria-porto', product: 'bread', price: 1.2 },
    { enterprise: 'padaria-faro', product: 'bread', price: 0.9 },
    { enterprise: 'sabao-1', product: 'soap', price: 3, currency: 'EUR' },
    { enterprise: 'sabao-2', product: 'soap', price: 4, currency: 'palmas' },
  ],
};

/** A core over a fresh temp catalogue holding `pkg`, written in one transaction as an import does. */
export function openSearchCore(pkg: TeiaPackage = searchPackage): { core: Core; cleanup(): void } {
  const tmp = tempDir('teia-search-');
  const core = openCore({ dbPath: path.join(tmp.dir, 'c.db'), host: 'cli', sample: false });
  core.ctx.db.transaction(() => writePackage(core.ctx.db, pkg)).immediate();
  return {
    core,
    cleanup() {
      core.close();
      tmp.cleanup();
    },
  };
}
