import type { Enterprise, Flow, Need, Network, Offer, Product, TeiaPackage } from '../../../shared/domain/package.ts';
import { CRITERIA } from '../../../shared/domain/package.ts';
import { seededRandom } from '../../../shared/engine/random.ts';

/**
 * A synthetic national-scale package for benchmarks and tests: regions with clustered
 * coordinates, a three-level product taxonomy, a minority of solidarity enterprises, criteria
 * with gaps, offers (some capacities unknown), needs, flows with values (some unvalued) and
 * networks. Pure and deterministic: the same options give the same package, byte for byte.
 * Names are invented; nothing here describes a real enterprise.
 */
export interface GenerateOptions {
  enterprises: number;
  seed: number;
  /** Flows per enterprise on average (default 10: 100,000 enterprises → 1,000,000 flows). */
  flowsPerEnterprise?: number;
}

/** The generator's PRNG: the engine's seeded mulberry32, the same on every machine. */
export const mulberry32 = seededRandom;

// Brazilian state capitals as cluster centres, weighted roughly by population.
const regions: [code: string, city: string, lat: number, lon: number, weight: number][] = [
  ['SP', 'São Paulo', -23.55, -46.63, 22], ['RJ', 'Rio de Janeiro', -22.91, -43.17, 8], ['MG', 'Belo Horizonte', -19.92, -43.94, 10],
  ['BA', 'Salvador', -12.97, -38.5, 7], ['PR', 'Curitiba', -25.43, -49.27, 5], ['RS', 'Porto Alegre', -30.03, -51.23, 5],
  ['PE', 'Recife', -8.05, -34.9, 5], ['CE', 'Fortaleza', -3.73, -38.52, 4], ['PA', 'Belém', -1.46, -48.49, 4],
  ['SC', 'Florianópolis', -27.6, -48.55, 3], ['GO', 'Goiânia', -16.68, -49.25, 3], ['MA', 'São Luís', -2.53, -44.3, 3],
  ['AM', 'Manaus', -3.12, -60.02, 2], ['PB', 'João Pessoa', -7.12, -34.86, 2], ['RN', 'Natal', -5.79, -35.21, 2],
  ['MT', 'Cuiabá', -15.6, -56.1, 2], ['DF', 'Brasília', -15.79, -47.88, 2], ['PI', 'Teresina', -5.09, -42.8, 2],
  ['AL', 'Maceió', -9.67, -35.74, 1], ['SE', 'Aracaju', -10.91, -37.07, 1], ['ES', 'Vitória', -20.32, -40.34, 2],
];

// sector → category → [leaf products]; leaves carry a unit and a base price (BRL per unit).
const taxonomy: [string, string, [string, string, [string, string, number][]][]][] = [
  ['food', 'Food', [
    ['grains', 'Grains', [['rice', 'kg', 5], ['beans', 'kg', 8], ['maize', 'kg', 2], ['organic-rice', 'kg', 9]]],
    ['coffee', 'Coffee', [['green-coffee', 'kg', 22], ['roasted-coffee', 'kg', 40], ['organic-coffee', 'kg', 30]]],
    ['sugar', 'Sugar', [['refined-sugar', 'kg', 3], ['brown-sugar', 'kg', 4]]],
    ['dairy', 'Dairy', [['milk', 'l', 4], ['cheese', 'kg', 35], ['yoghurt', 'kg', 12]]],
    ['produce', 'Fruit and vegetables', [['bananas', 'kg', 4], ['cassava', 'kg', 3], ['leafy-greens', 'kg', 9], ['acai', 'kg', 25]]],
    ['honey', 'Honey', [['honey-raw', 'kg', 30]]],
  ]],
  ['textiles', 'Textiles', [
    ['fibres', 'Fibres', [['cotton', 'kg', 9], ['organic-cotton', 'kg', 14]]],
    ['garments', 'Garments', [['t-shirts', 'unit', 25], ['uniforms', 'unit', 60], ['bags', 'unit', 18]]],
  ]],
  ['packaging', 'Packaging', [
    ['paper-packaging', 'Paper packaging', [['paper-bags', 'unit', 0.25], ['cardboard-boxes', 'unit', 1.5]]],
    ['plastic-packaging', 'Plastic packaging', [['plastic-film', 'kg', 11], ['bottles', 'unit', 0.4]]],
    ['recycled-materials', 'Recycled materials', [['recycled-pet', 'kg', 2.5], ['recycled-paper', 'kg', 0.8], ['scrap-metal', 'kg', 4]]],
  ]],
  ['cleaning', 'Cleaning products', [
    ['detergents', 'Detergents', [['liquid-soap', 'l', 7], ['disinfectant', 'l', 9]]],
  ]],
  ['construction', 'Construction', [
    ['materials', 'Materials', [['cement', 'kg', 0.7], ['bricks', 'unit', 0.9], ['timber', 'kg', 3]]],
  ]],
  ['energy', 'Energy', [['power', 'Power', [['electricity', 'kWh', 0.8], ['solar-panels', 'unit', 900]]], ['fuel', 'Fuel', [['diesel', 'l', 6], ['biodiesel', 'l', 6.5]]]]],
  ['services', 'Services', [
    ['logistics', 'Logistics', [['transport', 'hour', 120], ['storage', 'hour', 30]]],
    ['business-services', 'Business services', [['accounting', 'hour', 90], ['it-support', 'hour', 110], ['credit', 'unit', 1]]],
  ]],
];

const solidarityPrefixes = ['Cooperativa', 'Associação', 'Coletivo', 'Rede', 'Empreendimento Solidário', 'Cooperativa Agroecológica'];
const capitalistPrefixes = ['Comercial', 'Indústria', 'Distribuidora', 'Grupo', 'Atacadão', 'Transportes'];
const words = ['Aurora', 'Horizonte', 'Raízes', 'Semente', 'Vale Verde', 'Sol Nascente', 'Terra Viva', 'Mãos Unidas', 'Boa Esperança',
  'Progresso', 'Nova Era', 'Cerrado', 'Mata Atlântica', 'Caatinga', 'Pantanal', 'Guarani', 'Ipê', 'Jequitibá', 'Carnaúba', 'Buriti',
  'Araucária', 'Capim Dourado', 'Sertão', 'Litoral', 'Serra Azul', 'Rio Claro', 'Bem Viver', 'Quilombo', 'Girassol', 'Maré'];
const solidaritySuffixes = ['', ' Coop', ' - Economia Solidária'];
const capitalistSuffixes = [' Ltda.', ' S.A.', ' Eireli'];
const legalForms = ['cooperative', 'association', 'informal group'];
const structures = ['OS60', 'OS80', 'OS115', 'OS100'];
const activities = ['ICA10', 'ICA20', 'ICA40', 'ICA60', 'ICA120', 'ICA140', 'ICA210', 'ICA230', 'ICA280'];

export function generatePackage(options: GenerateOptions): TeiaPackage {
  const rand = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
  const gaussian = () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());

  const products: Product[] = [];
  const leaves: { id: string; unit: string; price: number; sector: number }[] = [];
  taxonomy.forEach(([sid, sname, categories], sector) => {
    products.push({ id: sid, name: sname, parent: null });
    for (const [cid, cname, items] of categories) {
      products.push({ id: cid, name: cname, parent: sid });
      for (const [lid, unit, price] of items) {
        products.push({ id: lid, name: lid.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), parent: cid, unit });
        leaves.push({ id: lid, unit, price, sector });
      }
    }
  });

  const networks: Network[] = [{ id: 'rede-nacional', name: 'Rede Nacional de Economia Solidária (synthetic)' }];
  for (const [code, city] of regions) networks.push({ id: `rede-${code.toLowerCase()}`, name: `Rede Solidária de ${city}` });

  const weightTotal = regions.reduce((s, r) => s + r[4], 0);
  const pickRegion = () => {
    let x = rand() * weightTotal;
    for (let i = 0; i < regions.length; i++) if ((x -= regions[i][4]) < 0) return i;
    return regions.length - 1;
  };

  const n = options.enterprises;
  const enterprises: Enterprise[] = [];
  const regionOf: number[] = [];
  const width = String(n).length;
  for (let i = 0; i < n; i++) {
    const r = pickRegion();
    const [code, city, lat, lon] = regions[r];
    const solidarity = chance(0.3);
    const id = `e${String(i + 1).padStart(width, '0')}`;
    const name = solidarity
      ? `${pick(solidarityPrefixes)} ${pick(words)}${pick(solidaritySuffixes)} ${i + 1}`
      : `${pick(capitalistPrefixes)} ${pick(words)} ${i + 1}${pick(capitalistSuffixes)}`;
    const e: Enterprise = { id, name, solidarity };
    const criteria: Record<string, number> = {};
    for (const c of CRITERIA) {
      if (chance(0.3)) continue; // unknown is not the same as 0
      criteria[c] = round(Math.min(1, Math.max(0, (solidarity ? 0.75 : 0.35) + gaussian() * 0.18)));
    }
    if (Object.keys(criteria).length) e.criteria = criteria;
    if (solidarity) {
      e.legalForm = pick(legalForms);
      e.organisationalStructure = pick(structures);
      e.qualifiers = ['q02', ...(chance(0.5) ? ['q01'] : []), ...(chance(0.3) ? ['q05'] : [])];
      e.networks = chance(0.6) ? [`rede-${code.toLowerCase()}`, 'rede-nacional'] : [`rede-${code.toLowerCase()}`];
    } else e.legalForm = 'company';
    e.activities = [pick(activities)];
    e.locality = city;
    e.region = code;
    e.postcode = `${String(Math.floor(rand() * 100000)).padStart(5, '0')}-${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
    e.country = 'BR';
    e.lat = round(Math.max(-33.7, Math.min(5.2, lat + gaussian() * 0.35)), 5);
    e.lon = round(Math.max(-73.9, Math.min(-34.8, lon + gaussian() * 0.35)), 5);
    if (chance(0.5)) e.website = `https://${id}.example.org`;
    if (solidarity && chance(0.2)) e.currencies = [`moeda-${code.toLowerCase()}`];
    e.source = 'teia generate (synthetic)';
    enterprises.push(e);
    regionOf.push(r);
  }

  // Offers: each enterprise supplies one to three products, mostly from one sector.
  const offers: Offer[] = [];
  const offerers: number[][] = leaves.map(() => []);
  const leavesBySector = taxonomy.map((_, sector) => leaves.flatMap((l, idx) => (l.sector === sector ? [idx] : [])));
  const priceOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const sector = Math.floor(rand() * taxonomy.length);
    const k = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < k; j++) {
      let leaf = Math.floor(rand() * leaves.length);
      if (chance(0.7)) leaf = pick(leavesBySector[sector]);
      if (offerers[leaf].at(-1) === i) continue;
      offerers[leaf].push(i);
      const price = round(leaves[leaf].price * (0.7 + rand() * 0.7));
      priceOf.set(`${i}:${leaf}`, price);
      const o: Offer = { enterprise: enterprises[i].id, product: leaves[leaf].id };
      if (!chance(0.15)) o.capacity = Math.round(200 + rand() * 20000);
      o.price = price;
      o.currency = 'BRL';
      offers.push(o);
    }
  }
  const offered = offerers.flatMap((list, leaf) => (list.length ? [leaf] : []));

  const needs: Need[] = [];
  for (let i = 0; i < n; i++) {
    if (!chance(0.3)) continue;
    const k = 1 + Math.floor(rand() * 2);
    for (let j = 0; j < k; j++) needs.push({ enterprise: enterprises[i].id, product: leaves[pick(offered)].id, quantity: Math.round(10 + rand() * 500) });
  }

  // Flows: buyer anywhere, supplier among the product's offerers, preferring the buyer's region.
  const byRegion = offerers.map((list) => {
    const m = new Map<number, number[]>();
    for (const i of list) {
      const r = regionOf[i];
      const l = m.get(r);
      if (l) l.push(i);
      else m.set(r, [i]);
    }
    return m;
  });
  const flows: Flow[] = [];
  const totalFlows = n < 2 ? 0 : Math.round(n * (options.flowsPerEnterprise ?? 10));
  for (let f = 0; f < totalFlows; f++) {
    const buyer = Math.floor(rand() * n);
    const leaf = pick(offered);
    const local = byRegion[leaf].get(regionOf[buyer]);
    let supplier = local && chance(0.7) ? pick(local) : pick(offerers[leaf]);
    if (supplier === buyer) supplier = pick(offerers[leaf]);
    if (supplier === buyer) continue;
    const quantity = Math.round(1 + rand() * 400);
    const flow: Flow = {
      id: `f${f + 1}`,
      supplier: enterprises[supplier].id,
      buyer: enterprises[buyer].id,
      product: leaves[leaf].id,
      quantity,
    };
    if (!chance(0.15)) {
      flow.value = round(quantity * (priceOf.get(`${supplier}:${leaf}`) ?? leaves[leaf].price) * (0.9 + rand() * 0.2));
      flow.currency = 'BRL';
    }
    flow.period = '2026';
    flows.push(flow);
  }

  return {
    format: 'teia-package',
    version: 1,
    name: `Synthetic network: ${n} enterprises (seed ${options.seed})`,
    description: 'Generated by `teia generate` for tests and benchmarks. Invented names and figures: it describes no real enterprise.',
    products,
    enterprises,
    offers,
    needs,
    flows,
    networks,
  };
}
