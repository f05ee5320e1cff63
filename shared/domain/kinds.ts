/**
 * The record kinds a sheet can hold besides enterprises: flows, offers, needs and products.
 * Each kind is its fields and the header names people give them in EN/PT/ES/FR, compared
 * after `normaliseHeader`. Browser-safe: the Import screen's mapping step shows the same
 * fields and makes the same first guess as the core. Enterprises keep their own table in
 * mapping.ts.
 */
import { MAPPABLE_FIELDS, normaliseHeader, suggestMapping, type ColumnMapping } from './mapping.ts';
import { KIND_LABELS, SHEET_LABELS } from './kind-labels.ts';

export const RECORD_KINDS = ['enterprises', 'flows', 'offers', 'needs', 'products', 'networks', 'currencies'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const productWords = ['product', 'produto', 'producto', 'produit', 'item', 'commodity', 'mercadoria', 'mercancia', 'bem', 'goods', 'insumo', 'input'];
const quantityWords = ['quantity', 'qty', 'quantidade', 'qtd', 'qtde', 'cantidad', 'quantite', 'volume', 'amount'];
const unitWords = ['unit', 'units', 'unidade', 'unidad', 'unite', 'uom', 'medida'];
const periodWords = ['period', 'periodo', 'periode', 'year', 'ano', 'ano', 'annee', 'date', 'data', 'fecha', 'month', 'mes', 'mois'];
const currencyWords = ['currency', 'moeda', 'moneda', 'monnaie', 'devise'];
const placeWords = ['place', 'local', 'lugar', 'lieu', 'city', 'cidade', 'ciudad', 'ville', 'municipio', 'locality', 'localidade', 'country', 'pais', 'pays'];
const enterpriseWords = ['enterprise', 'empresa', 'entreprise', 'empreendimento', 'emprendimiento', 'organisation', 'organization', 'organizacao', 'organizacion', 'name', 'nome', 'nombre', 'nom', 'producer', 'produtor', 'productor', 'producteur'];

/** field → header aliases, per kind (the first field to claim a header wins). */
const KIND_ALIASES = {
  flows: {
    id: ['id', 'flowid', 'identifier', 'identificador', 'identifiant'],
    supplier: ['supplier', 'suppliername', 'seller', 'from', 'source', 'vendor', 'fornecedor', 'vendedor', 'de', 'origem', 'proveedor', 'origen', 'fournisseur', 'vendeur', 'exporter', 'exportador', 'exportateur', 'mill', 'farm', 'fazenda', 'finca', 'ferme'],
    supplierPlace: ['supplierplace', 'suppliercity', 'suppliercountry', 'localdofornecedor', 'cidadedofornecedor', 'lugardelproveedor', 'ciudaddelproveedor', 'lieudufournisseur', 'villedufournisseur'],
    buyer: ['buyer', 'buyername', 'customer', 'client', 'to', 'target', 'purchaser', 'comprador', 'cliente', 'para', 'destino', 'acheteur', 'destinataire', 'importer', 'importador', 'importateur', 'company'],
    buyerPlace: ['buyerplace', 'buyercity', 'buyercountry', 'localdocomprador', 'cidadedocomprador', 'lugardelcomprador', 'ciudaddelcomprador', 'lieudelacheteur', 'villedelacheteur'],
    product: productWords,
    hs: ['hs', 'hscode', 'ncm', 'codigohs', 'codehs', 'sh', 'codigosh'],
    quantity: quantityWords,
    unit: unitWords,
    value: ['value', 'valor', 'valeur', 'total', 'valortotal', 'montant', 'montante', 'importe', 'amountpaid', 'spend'],
    price: ['price', 'unitprice', 'preco', 'precounitario', 'precio', 'preciounitario', 'prix', 'prixunitaire'],
    currency: currencyWords,
    period: periodWords,
  },
  offers: {
    id: ['id', 'offerid', 'identifier', 'identificador', 'identifiant'],
    enterprise: [...enterpriseWords, 'supplier', 'fornecedor', 'proveedor', 'fournisseur', 'seller', 'vendedor', 'vendeur'],
    place: placeWords,
    product: productWords,
    hs: ['hs', 'hscode', 'ncm', 'codigohs', 'codehs', 'sh'],
    capacity: ['capacity', 'capacidade', 'capacidad', 'capacite', 'supply', 'available', 'disponivel', 'disponible', 'oferta', 'offre', 'production', 'producao', 'produccion'],
    unit: unitWords,
    price: ['price', 'unitprice', 'preco', 'precounitario', 'precio', 'preciounitario', 'prix', 'prixunitaire'],
    currency: currencyWords,
    certifications: ['certifications', 'certification', 'certificacoes', 'certificacao', 'certificaciones', 'certificacion', 'labels', 'selos', 'sellos'],
  },
  needs: {
    id: ['id', 'needid', 'identifier', 'identificador', 'identifiant'],
    enterprise: [...enterpriseWords, 'buyer', 'comprador', 'acheteur'],
    place: placeWords,
    product: productWords,
    hs: ['hs', 'hscode', 'ncm', 'codigohs', 'codehs', 'sh'],
    quantity: [...quantityWords, 'need', 'needs', 'demand', 'necessidade', 'demanda', 'necesidad', 'besoin', 'demande'],
    unit: unitWords,
  },
  products: {
    id: ['id', 'productid', 'identifier', 'identificador', 'identifiant', 'code', 'codigo', 'sku'],
    name: ['name', 'product', 'productname', 'nome', 'produto', 'nombre', 'producto', 'nom', 'produit', 'nameen', 'nomeen'],
    namePt: ['namept', 'nomept', 'portugues', 'portuguese', 'portugais'],
    nameEs: ['namees', 'nombrees', 'espanol', 'spanish', 'espagnol', 'castellano'],
    nameFr: ['namefr', 'nomfr', 'francais', 'french', 'frances'],
    parent: ['parent', 'parentid', 'category', 'categoria', 'categorie', 'pai', 'padre', 'grupo', 'group', 'familia', 'famille'],
    unit: unitWords,
    hs: ['hs', 'hscode', 'ncm', 'codigohs', 'codehs', 'sh'],
  },
  networks: {
    id: ['id', 'networkid', 'identifier', 'identificador', 'identifiant'],
    name: ['name', 'network', 'nome', 'rede', 'nombre', 'red', 'nom', 'reseau'],
    description: ['description', 'descricao', 'descripcion'],
  },
  // A currency's definition (ENGINE.md §3.8); the sheet is told by its name, not its headers.
  currencies: {
    id: ['id', 'currencyid', 'identifier', 'identificador', 'identifiant', 'code', 'codigo'],
    name: ['name', 'currency', 'nome', 'moeda', 'nombre', 'moneda', 'nom', 'monnaie'],
    kind: ['kind', 'type', 'tipo'],
    unit: unitWords,
    rate: ['rate', 'exchangerate', 'taxa', 'cambio', 'tasa', 'taux'],
    issuer: ['issuer', 'issuedby', 'emissor', 'emisor', 'emetteur'],
    backing: ['backing', 'reserve', 'lastro', 'respaldo', 'garantie', 'reserva'],
    description: ['description', 'descricao', 'descripcion'],
    products: ['products', 'produtos', 'productos', 'produits'],
  },
} as const satisfies Record<Exclude<RecordKind, 'enterprises'>, Record<string, readonly string[]>>;

export type KindField<K extends Exclude<RecordKind, 'enterprises'>> = keyof (typeof KIND_ALIASES)[K] & string;

/** The fields of a kind, in the order the mapping step shows them. */
export function fieldsOf(kind: RecordKind): readonly string[] {
  return kind === 'enterprises' ? MAPPABLE_FIELDS : Object.keys(KIND_ALIASES[kind]);
}

/** Fields a row cannot do without (a constant for all rows counts, `--set product=Coffee`). */
export const REQUIRED_FIELDS: Record<RecordKind, readonly string[]> = {
  enterprises: ['name'],
  flows: ['supplier', 'buyer', 'product'],
  offers: ['enterprise', 'product'],
  needs: ['enterprise', 'product', 'quantity'],
  products: ['name'],
  networks: ['id', 'name'],
  currencies: ['id', 'name', 'kind'],
};

const lookups = new Map<RecordKind, Map<string, string>>();
function lookup(kind: Exclude<RecordKind, 'enterprises'>): Map<string, string> {
  let map = lookups.get(kind);
  if (!map) {
    map = new Map();
    // The headers Teia writes itself (templates, exports) come first: they must read back as written.
    for (const [field, labels] of Object.entries(KIND_LABELS[kind])) for (const l of labels) if (!map.has(normaliseHeader(l))) map.set(normaliseHeader(l), field);
    for (const [field, aliases] of Object.entries(KIND_ALIASES[kind]) as [string, readonly string[]][]) {
      for (const a of aliases) if (!map.has(a)) map.set(a, field);
    }
    lookups.set(kind, map);
  }
  return map;
}

/**
 * The first guess at a kind's mapping: each field takes the first header naming it. A header
 * like "Fornecedor (cidade)" is tried whole, then without the bracket.
 */
export function suggestKindMapping(kind: RecordKind, headers: readonly string[]): ColumnMapping {
  if (kind === 'enterprises') return enterpriseMapping(headers);
  const map = lookup(kind);
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = map.get(normaliseHeader(header)) ?? map.get(normaliseHeader(header.replace(/\(.*\)/, '')));
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  return mapping;
}

/**
 * The kind a sheet holds, from its headers: a supplier and a buyer column make flows; an
 * enterprise and a product with a capacity or price make offers, with a quantity needs; a
 * product name with a parent or code and no enterprise makes products; a currency with its kind
 * and a rate, issuer or backing makes currencies; else enterprises.
 */
export function detectKind(headers: readonly string[]): RecordKind {
  const flows = suggestKindMapping('flows', headers);
  if (flows.supplier && flows.buyer) return 'flows';
  const offers = suggestKindMapping('offers', headers);
  const needs = suggestKindMapping('needs', headers);
  const hasProduct = headers.some((h) => (productWords as readonly string[]).includes(normaliseHeader(h)));
  if (offers.enterprise && hasProduct && (offers.capacity || offers.price)) return 'offers';
  if (needs.enterprise && hasProduct && needs.quantity) return 'needs';
  // A currency's kind beside what only a currency has: its rate, issuer or backing.
  const currencies = suggestKindMapping('currencies', headers);
  if (currencies.name && currencies.kind && (currencies.rate || currencies.issuer || currencies.backing)) return 'currencies';
  const network = headers.some((h) => ['network', 'rede', 'red', 'reseau'].includes(normaliseHeader(h)));
  if (network && headers.length <= 3 && suggestKindMapping('networks', headers).id) return 'networks';
  const products = suggestKindMapping('products', headers);
  const enterprise = suggestMapping(headers);
  if (products.name && (products.parent || products.hs) && !enterprise.lat && !enterprise.email && !enterprise.website) return 'products';
  return 'enterprises';
}

/** Enterprises: the shared guess, plus Teia's own headers in the four languages. */
function enterpriseMapping(headers: readonly string[]): ColumnMapping {
  const mapping = suggestMapping(headers);
  const taken = new Set(Object.values(mapping));
  for (const header of headers) {
    if (taken.has(header)) continue;
    const key = normaliseHeader(header);
    for (const [field, labels] of Object.entries(KIND_LABELS.enterprises)) {
      if (mapping[field] === undefined && labels.some((l) => normaliseHeader(l) === key)) {
        mapping[field] = header;
        taken.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** Sheet names in the four languages (Kumu's "Elements" and "Connections" too). */
const SHEET_NAMES: Record<RecordKind, string[]> = {
  enterprises: ['enterprises', 'enterprise', 'elements', 'organisations', 'organizations', 'empreendimentos', 'empresas', 'emprendimientos', 'entreprises', 'organizacoes', 'organizaciones'],
  flows: ['flows', 'flow', 'connections', 'links', 'purchases', 'fluxos', 'compras', 'flujos', 'flux', 'achats', 'liens', 'ligacoes', 'relaciones', 'supplychain', 'cadeia', 'cadena', 'chaine'],
  offers: ['offers', 'offer', 'supply', 'ofertas', 'oferta', 'offres', 'offre'],
  needs: ['needs', 'need', 'demand', 'necessidades', 'demandas', 'necesidades', 'besoins', 'demandes'],
  products: ['products', 'product', 'produtos', 'productos', 'produits', 'taxonomy', 'taxonomia', 'taxonomie', 'catalogo'],
  networks: ['networks', 'redes', 'reseaux'],
  currencies: ['currencies', 'currency', 'moedas', 'monedas', 'monnaies', 'devises'],
};

/** The kind a sheet name says, or null (instructions, notes, lists). */
export function kindOfSheetName(name: string): RecordKind | null {
  const key = normaliseHeader(name);
  for (const kind of RECORD_KINDS) if (SHEET_NAMES[kind].includes(key) || SHEET_LABELS[kind].some((l) => normaliseHeader(l) === key)) return kind;
  return null;
}

export function isRecordKind(s: string): s is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(s);
}
