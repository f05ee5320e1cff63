/**
 * Column headers for every field of every record kind, in EN/PT/ES/FR: the header row of
 * templates and spreadsheet exports, and the labels of the Import screen's mapping step.
 * Each header is also read back as its field (kinds.ts), so a template filled in and
 * imported round-trips whatever the language.
 */
import type { RecordKind } from './kinds.ts';

export const LABEL_LANGS = ['en', 'pt', 'es', 'fr'] as const;
export type LabelLang = (typeof LABEL_LANGS)[number];
export const isLabelLang = (s: string): s is LabelLang => (LABEL_LANGS as readonly string[]).includes(s);
type Labels = Record<string, [en: string, pt: string, es: string, fr: string]>;

export const KIND_LABELS: Record<RecordKind, Labels> = {
  enterprises: {
    id: ['Id', 'Id', 'Id', 'Id'],
    name: ['Name', 'Nome', 'Nombre', 'Nom'],
    solidarity: ['Solidarity enterprise', 'Empreendimento solidário', 'Emprendimiento solidario', 'Entreprise solidaire'],
    description: ['Description', 'Descrição', 'Descripción', 'Description'],
    street: ['Street address', 'Endereço', 'Dirección', 'Adresse'],
    locality: ['Town', 'Cidade', 'Ciudad', 'Ville'],
    region: ['Region', 'Estado', 'Región', 'Région'],
    postcode: ['Postcode', 'CEP', 'Código postal', 'Code postal'],
    country: ['Country', 'País', 'País', 'Pays'],
    lat: ['Latitude', 'Latitude', 'Latitud', 'Latitude'],
    lon: ['Longitude', 'Longitude', 'Longitud', 'Longitude'],
    website: ['Website', 'Site', 'Sitio web', 'Site web'],
    email: ['Email', 'E-mail', 'Correo', 'Courriel'],
    phone: ['Phone', 'Telefone', 'Teléfono', 'Téléphone'],
    activities: ['Activities', 'Atividades', 'Actividades', 'Activités'],
    qualifiers: ['Qualifiers', 'Qualificadores', 'Calificadores', 'Qualificatifs'],
    organisationalStructure: ['Organisational structure', 'Estrutura organizacional', 'Estructura organizativa', 'Structure organisationnelle'],
    legalForm: ['Legal form', 'Forma jurídica', 'Forma jurídica', 'Forme juridique'],
    currencies: ['Currencies', 'Moedas', 'Monedas', 'Monnaies'],
    networks: ['Networks', 'Redes', 'Redes', 'Réseaux'],
    source: ['Record source', 'Fonte do registro', 'Fuente del registro', 'Source de la fiche'],
    ecological: ['Ecological', 'Ecológico', 'Ecológico', 'Écologique'],
    decent_work: ['Decent work', 'Trabalho decente', 'Trabajo decente', 'Travail décent'],
    social_inclusion: ['Social inclusion', 'Inclusão social', 'Inclusión social', 'Inclusion sociale'],
    economic_democracy: ['Economic democracy', 'Democracia econômica', 'Democracia económica', 'Démocratie économique'],
    gender_equity: ['Gender equity', 'Equidade de gênero', 'Equidad de género', 'Équité de genre'],
    transparency: ['Transparency', 'Transparência', 'Transparencia', 'Transparence'],
  },
  products: {
    id: ['Id', 'Id', 'Id', 'Id'],
    name: ['Product', 'Produto', 'Producto', 'Produit'],
    namePt: ['Name in Portuguese', 'Nome em português', 'Nombre en portugués', 'Nom en portugais'],
    nameEs: ['Name in Spanish', 'Nome em espanhol', 'Nombre en español', 'Nom en espagnol'],
    nameFr: ['Name in French', 'Nome em francês', 'Nombre en francés', 'Nom en français'],
    parent: ['Parent', 'Categoria', 'Categoría', 'Catégorie'],
    unit: ['Unit', 'Unidade', 'Unidad', 'Unité'],
    hs: ['HS code', 'Código SH', 'Código SA', 'Code SH'],
  },
  offers: {
    id: ['Id', 'Id', 'Id', 'Id'],
    enterprise: ['Enterprise', 'Empreendimento', 'Emprendimiento', 'Entreprise'],
    place: ['Place', 'Local', 'Lugar', 'Lieu'],
    product: ['Product', 'Produto', 'Producto', 'Produit'],
    hs: ['HS code', 'Código SH', 'Código SA', 'Code SH'],
    capacity: ['Capacity', 'Capacidade', 'Capacidad', 'Capacité'],
    unit: ['Unit', 'Unidade', 'Unidad', 'Unité'],
    price: ['Price', 'Preço', 'Precio', 'Prix'],
    currency: ['Currency', 'Moeda', 'Moneda', 'Monnaie'],
    certifications: ['Certifications', 'Certificações', 'Certificaciones', 'Certifications'],
  },
  needs: {
    id: ['Id', 'Id', 'Id', 'Id'],
    enterprise: ['Enterprise', 'Empreendimento', 'Emprendimiento', 'Entreprise'],
    place: ['Place', 'Local', 'Lugar', 'Lieu'],
    product: ['Product', 'Produto', 'Producto', 'Produit'],
    hs: ['HS code', 'Código SH', 'Código SA', 'Code SH'],
    quantity: ['Quantity', 'Quantidade', 'Cantidad', 'Quantité'],
    unit: ['Unit', 'Unidade', 'Unidad', 'Unité'],
  },
  networks: {
    id: ['Id', 'Id', 'Id', 'Id'],
    name: ['Network', 'Rede', 'Red', 'Réseau'],
    description: ['Description', 'Descrição', 'Descripción', 'Description'],
  },
  currencies: {
    id: ['Id', 'Id', 'Id', 'Id'],
    name: ['Currency', 'Moeda', 'Moneda', 'Monnaie'],
    kind: ['Kind', 'Tipo', 'Tipo', 'Type'],
    unit: ['Unit', 'Unidade', 'Unidad', 'Unité'],
    rate: ['Rate', 'Taxa', 'Tasa', 'Taux'],
    issuer: ['Issuer', 'Emissor', 'Emisor', 'Émetteur'],
    backing: ['Backing', 'Lastro', 'Respaldo', 'Garantie'],
    description: ['Description', 'Descrição', 'Descripción', 'Description'],
    products: ['Products', 'Produtos', 'Productos', 'Produits'],
  },
  flows: {
    id: ['Id', 'Id', 'Id', 'Id'],
    supplier: ['Supplier', 'Fornecedor', 'Proveedor', 'Fournisseur'],
    supplierPlace: ['Supplier place', 'Local do fornecedor', 'Lugar del proveedor', 'Lieu du fournisseur'],
    buyer: ['Buyer', 'Comprador', 'Comprador', 'Acheteur'],
    buyerPlace: ['Buyer place', 'Local do comprador', 'Lugar del comprador', 'Lieu de l’acheteur'],
    product: ['Product', 'Produto', 'Producto', 'Produit'],
    hs: ['HS code', 'Código SH', 'Código SA', 'Code SH'],
    quantity: ['Quantity', 'Quantidade', 'Cantidad', 'Quantité'],
    unit: ['Unit', 'Unidade', 'Unidad', 'Unité'],
    value: ['Value', 'Valor', 'Valor', 'Valeur'],
    price: ['Price', 'Preço', 'Precio', 'Prix'],
    currency: ['Currency', 'Moeda', 'Moneda', 'Monnaie'],
    period: ['Period', 'Período', 'Período', 'Période'],
  },
};

/** Sheet names of templates and exports. */
export const SHEET_LABELS: Record<RecordKind | 'instructions' | 'lists', [string, string, string, string]> = {
  enterprises: ['Enterprises', 'Empreendimentos', 'Emprendimientos', 'Entreprises'],
  products: ['Products', 'Produtos', 'Productos', 'Produits'],
  offers: ['Offers', 'Ofertas', 'Ofertas', 'Offres'],
  needs: ['Needs', 'Necessidades', 'Necesidades', 'Besoins'],
  flows: ['Flows', 'Fluxos', 'Flujos', 'Flux'],
  networks: ['Networks', 'Redes', 'Redes', 'Réseaux'],
  currencies: ['Currencies', 'Moedas', 'Monedas', 'Monnaies'],
  instructions: ['Instructions', 'Instruções', 'Instrucciones', 'Instructions'],
  lists: ['Lists', 'Listas', 'Listas', 'Listes'],
};

export const EXAMPLE_LABEL: [string, string, string, string] = ['Example', 'Exemplo', 'Ejemplo', 'Exemple'];

export function label(kind: RecordKind, field: string, lang: LabelLang): string {
  const l = KIND_LABELS[kind][field];
  return l ? l[LABEL_LANGS.indexOf(lang)] : field;
}
