/**
 * Units people write in sheets, and how one converts to another of the same dimension. A
 * quantity is kept in the unit of its product; a sheet's unit that the product's unit can
 * be reached from is converted, one that cannot is a rejected row (never a guess).
 */
interface UnitDef {
  unit: string;
  dimension: 'mass' | 'volume' | 'count' | 'length' | 'area' | 'energy' | 'time';
  /** How many of the dimension's base unit one of this unit is. */
  factor: number;
}

const defs: [string[], UnitDef][] = [
  [['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilograma', 'kilogramas', 'quilograma', 'quilogramas', 'quilo', 'quilos', 'kilogramme', 'kilogrammes'], { unit: 'kg', dimension: 'mass', factor: 1 }],
  [['g', 'gram', 'grams', 'grama', 'gramas', 'gramo', 'gramos', 'gramme', 'grammes'], { unit: 'g', dimension: 'mass', factor: 0.001 }],
  [['t', 'ton', 'tons', 'tonne', 'tonnes', 'tonelada', 'toneladas', 'mt'], { unit: 't', dimension: 'mass', factor: 1000 }],
  [['saca', 'sacas', 'bag60kg', 'sack60kg', 'sacas60kg'], { unit: 'saca', dimension: 'mass', factor: 60 }],
  [['lb', 'lbs', 'pound', 'pounds', 'libra', 'libras', 'livre', 'livres'], { unit: 'lb', dimension: 'mass', factor: 0.45359237 }],
  [['l', 'lt', 'litre', 'litres', 'liter', 'liters', 'litro', 'litros'], { unit: 'l', dimension: 'volume', factor: 1 }],
  [['ml', 'millilitre', 'milliliter', 'mililitro', 'mililitros', 'millilitres'], { unit: 'ml', dimension: 'volume', factor: 0.001 }],
  [['m3', 'cubicmetre', 'cubicmeter', 'metrocubico', 'metroscubicos', 'metrecube'], { unit: 'm3', dimension: 'volume', factor: 1000 }],
  [['unit', 'units', 'un', 'und', 'unid', 'unidade', 'unidades', 'unidad', 'unite', 'unites', 'pc', 'pcs', 'piece', 'pieces', 'peca', 'pecas', 'pieza', 'piezas', 'ea', 'each', 'u'], { unit: 'unit', dimension: 'count', factor: 1 }],
  [['dozen', 'duzia', 'duzias', 'docena', 'docenas', 'douzaine', 'douzaines', 'dz'], { unit: 'dozen', dimension: 'count', factor: 12 }],
  [['m', 'metre', 'metres', 'meter', 'meters', 'metro', 'metros', 'metre'], { unit: 'm', dimension: 'length', factor: 1 }],
  [['km'], { unit: 'km', dimension: 'length', factor: 1000 }],
  [['m2', 'squaremetre', 'squaremeter', 'metroquadrado', 'metrocuadrado', 'metrecarre'], { unit: 'm2', dimension: 'area', factor: 1 }],
  [['ha', 'hectare', 'hectares', 'hectarea', 'hectareas'], { unit: 'ha', dimension: 'area', factor: 10000 }],
  [['kwh'], { unit: 'kWh', dimension: 'energy', factor: 1 }],
  [['mwh'], { unit: 'MWh', dimension: 'energy', factor: 1000 }],
  [['h', 'hour', 'hours', 'hora', 'horas', 'heure', 'heures', 'hr', 'hrs'], { unit: 'h', dimension: 'time', factor: 1 }],
  [['day', 'days', 'dia', 'dias', 'jour', 'jours'], { unit: 'day', dimension: 'time', factor: 24 }],
];

const byName = new Map<string, UnitDef>();
for (const [names, def] of defs) for (const n of names) byName.set(n, def);

const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[²]/g, '2')
    .replace(/[³]/g, '3')
    .replace(/[^a-z0-9]/g, '');

/** The unit's usual spelling ("Quilos" → "kg"), or undefined for a unit Teia does not know. */
export function knownUnit(written: string): string | undefined {
  return byName.get(key(written))?.unit;
}

/** Units offered in templates' drop-down lists. */
export const TEMPLATE_UNITS = ['kg', 'g', 't', 'saca', 'l', 'ml', 'm3', 'unit', 'dozen', 'm', 'm2', 'ha', 'kWh', 'h', 'day'];

/**
 * The factor that turns a quantity in `from` into `to` (1 when they are the same unit), or
 * null when one is unknown or they measure different things (kg and litres).
 */
export function conversion(from: string, to: string): number | null {
  const a = byName.get(key(from));
  const b = byName.get(key(to));
  if (!a || !b) return key(from) === key(to) ? 1 : null;
  if (a.dimension !== b.dimension) return null;
  return a.factor / b.factor;
}
