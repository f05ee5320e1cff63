/**
 * Column mapping for generic CSV/XLSX imports: which package enterprise field each column
 * fills. Browser-safe so the import dialog's mapping step can pre-fill the same suggestion
 * the core uses when a file comes without a mapping.
 */
export type ColumnMapping = Record<string, string>;

/** The package enterprise fields a column can be mapped to (`--map name=Nome,lat=Latitude`). */
export const MAPPABLE_FIELDS = [
  'id',
  'name',
  'nickname',
  'description',
  'solidarity',
  'lat',
  'lon',
  'street',
  'locality',
  'region',
  'postcode',
  'country',
  'website',
  'email',
  'phone',
  'activities',
  'qualifiers',
  'organisationalStructure',
  'legalForm',
  'currencies',
  'networks',
  // Where the record came from, as a package says it (not guessed from headers: see ALIASES).
  'source',
  // The engine's criteria (ENGINE.md §2), 0–1 each: a column each, so a workbook export round-trips.
  'ecological',
  'decent_work',
  'social_inclusion',
  'economic_democracy',
  'gender_equity',
  'transparency',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export function isMappableField(key: string): key is MappableField {
  return (MAPPABLE_FIELDS as readonly string[]).includes(key);
}

/**
 * Header names people use for each field, in English, Portuguese, Spanish and French,
 * compared after `normaliseHeader` (lower case, no accents, letters and digits only).
 */
const ALIASES: Record<MappableField, string[]> = {
  // Not "code" or "ref": those name product or postal codes as often as record ids.
  id: ['id', 'identifier', 'identificador', 'identifiant', 'uid'],
  name: ['name', 'nome', 'nombre', 'nom', 'title', 'titulo', 'titre', 'label', 'organisation', 'organization', 'organisationname', 'organizationname', 'enterprise', 'enterprisename', 'empresa', 'entreprise', 'empreendimento', 'razaosocial', 'razonsocial', 'nomefantasia', 'raisonsociale', 'denominacion', 'denomination'],
  // The acronym or short name a co-op is known by (Murmurations' `nickname`); the matcher
  // compares it as its own field.
  nickname: ['nickname', 'acronym', 'acronimo', 'acronyme', 'sigla', 'sigle', 'shortname', 'nomecurto', 'nombrecorto', 'nomcourt', 'abbreviation', 'abreviatura', 'abreviation', 'alias'],
  description: ['description', 'descricao', 'descripcion', 'desc', 'about', 'sobre', 'resumo', 'resumen', 'resume', 'summary'],
  solidarity: ['solidarity', 'solidarityenterprise', 'solidaria', 'solidario', 'solidaire', 'ess', 'ecosol', 'economiasolidaria', 'empreendimentosolidario', 'ees'],
  lat: ['lat', 'latitude', 'latitud', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitud', 'x'],
  street: ['street', 'streetaddress', 'addrstreet', 'address', 'addressline1', 'endereco', 'logradouro', 'rua', 'morada', 'direccion', 'domicilio', 'calle', 'adresse', 'rue'],
  locality: ['locality', 'city', 'town', 'addrcity', 'addrtown', 'addrvillage', 'village', 'cidade', 'municipio', 'localidade', 'ciudad', 'localidad', 'poblacion', 'ville', 'commune', 'localite'],
  region: ['region', 'state', 'addrstate', 'addrprovince', 'province', 'county', 'estado', 'uf', 'regiao', 'provincia', 'departamento', 'comunidadautonoma', 'departement'],
  postcode: ['postcode', 'postalcode', 'addrpostcode', 'zip', 'zipcode', 'cep', 'codigopostal', 'codepostal', 'cp'],
  country: ['country', 'countryid', 'addrcountry', 'countrycode', 'pais', 'pays', 'countryiso3166'],
  website: ['website', 'url', 'contactwebsite', 'web', 'site', 'homepage', 'sitioweb', 'siteweb', 'paginaweb', 'primaryurl'],
  email: ['email', 'mail', 'contactemail', 'correo', 'correoelectronico', 'courriel', 'emailaddress'],
  phone: ['phone', 'telephone', 'contactphone', 'tel', 'telefone', 'telefono', 'fone', 'mobile', 'celular', 'movil', 'portable'],
  activities: ['activities', 'activity', 'atividade', 'atividades', 'actividad', 'actividades', 'activite', 'activites', 'primaryactivity'],
  qualifiers: ['qualifiers', 'qualifier', 'qualificadores', 'calificadores', 'qualificatifs'],
  organisationalStructure: ['organisationalstructure', 'organizationalstructure', 'structure', 'estrutura', 'estructura', 'typeoforganisation', 'typeoforganization', 'tipodeorganizacao', 'tipodeorganizacion'],
  legalForm: ['legalform', 'formajuridica', 'naturezajuridica', 'formejuridique', 'statutjuridique'],
  currencies: ['currencies', 'currency', 'moedas', 'moeda', 'moedasocial', 'moedassociais', 'moneda', 'monedas', 'monedasocial', 'monnaie', 'monnaies', 'monnaielocale'],
  networks: ['networks', 'network', 'redes', 'rede', 'red', 'reseau', 'reseaux'],
  source: [],
  ecological: ['ecological', 'ecologico', 'ecologique'],
  decent_work: ['decentwork', 'trabalhodecente', 'trabajodecente', 'travaildecent'],
  social_inclusion: ['socialinclusion', 'inclusaosocial', 'inclusionsocial', 'inclusionsociale'],
  economic_democracy: ['economicdemocracy', 'democraciaeconomica', 'democratieeconomique'],
  gender_equity: ['genderequity', 'equidadedegenero', 'equidaddegenero', 'equitedegenre'],
  transparency: ['transparency', 'transparencia', 'transparence'],
};

/** Lower case, accents removed, letters and digits only: "Código Postal" → "codigopostal". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const aliasToField = new Map<string, MappableField>();
for (const field of MAPPABLE_FIELDS) for (const alias of ALIASES[field]) if (!aliasToField.has(alias)) aliasToField.set(alias, field);

/**
 * A first guess at the mapping for the UI's mapping step and for a CSV given without one:
 * each field takes the first header that names it; a header maps to at most one field.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = aliasToField.get(normaliseHeader(header));
    if (field && mapping[field] === undefined) mapping[field] = header;
  }
  return mapping;
}
