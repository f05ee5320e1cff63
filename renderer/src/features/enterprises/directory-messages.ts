import { defineMessages } from '../../i18n/index.tsx';

export const directoryMessages = defineMessages({
  en: {
    filters: 'Filters', all: 'All', search: 'Name or town', solidarityFilter: 'Solidarity status', toClassify: 'To classify (counted as not solidarity)', activity: 'Activity',
    structure: 'Organisational structure', country: 'Country', region: 'Region', network: 'Network', currency: 'Accepted currency',
    qualifier: 'Qualifier', clear: 'Clear filters', matching: '{count, plural, one {# enterprise matches these filters} other {# enterprises match these filters}}', matchingOne: 'One enterprise matches these filters', countOne: 'One enterprise', showMap: 'Show on the map',
    sortBy: 'Sort by {column}', place: 'Town', loadingRow: 'Loading…', none: 'No enterprise matches these filters.',
    tableLabel: 'Enterprises', shareHint: 'The address of this page keeps the filters and the order: copy it to share this view.',
  },
  es: {
    filters: 'Filtros', all: 'Todos', search: 'Nombre o ciudad', solidarityFilter: 'Condición solidaria', toClassify: 'Por clasificar (cuentan como no solidarios)', activity: 'Actividad',
    structure: 'Estructura organizativa', country: 'País', region: 'Región', network: 'Red', currency: 'Moneda aceptada',
    qualifier: 'Calificador', clear: 'Quitar filtros', matching: '{count, plural, one {# emprendimiento cumple estos filtros} other {# emprendimientos cumplen estos filtros}}', matchingOne: 'Un emprendimiento cumple estos filtros', countOne: 'Un emprendimiento', showMap: 'Ver en el mapa',
    sortBy: 'Ordenar por {column}', place: 'Ciudad', loadingRow: 'Cargando…', none: 'Ningún emprendimiento cumple estos filtros.',
    tableLabel: 'Emprendimientos', shareHint: 'La dirección de esta página guarda los filtros y el orden: cópiela para compartir esta vista.',
  },
  pt: {
    filters: 'Filtros', all: 'Todos', search: 'Nome ou cidade', solidarityFilter: 'Condição solidária', toClassify: 'A classificar (contam como não solidários)', activity: 'Atividade',
    structure: 'Estrutura organizacional', country: 'País', region: 'Região', network: 'Rede', currency: 'Moeda aceita',
    qualifier: 'Qualificador', clear: 'Limpar filtros', matching: '{count, plural, one {# empreendimento atende a estes filtros} other {# empreendimentos atendem a estes filtros}}', matchingOne: 'Um empreendimento atende a estes filtros', countOne: 'Um empreendimento', showMap: 'Ver no mapa',
    sortBy: 'Ordenar por {column}', place: 'Cidade', loadingRow: 'Carregando…', none: 'Nenhum empreendimento atende a estes filtros.',
    tableLabel: 'Empreendimentos', shareHint: 'O endereço desta página guarda os filtros e a ordem: copie-o para compartilhar esta visão.',
  },
  fr: {
    filters: 'Filtres', all: 'Toutes', search: 'Nom ou ville', solidarityFilter: 'Statut solidaire', toClassify: 'À classer (comptées comme non solidaires)', activity: 'Activité',
    structure: 'Structure organisationnelle', country: 'Pays', region: 'Région', network: 'Réseau', currency: 'Monnaie acceptée',
    qualifier: 'Qualificatif', clear: 'Effacer les filtres', matching: '{count, plural, one {# entreprise correspond à ces filtres} other {# entreprises correspondent à ces filtres}}', matchingOne: 'Une entreprise correspond à ces filtres', countOne: 'Une entreprise', showMap: 'Voir sur la carte',
    sortBy: 'Trier par {column}', place: 'Ville', loadingRow: 'Chargement…', none: 'Aucune entreprise ne correspond à ces filtres.',
    tableLabel: 'Entreprises', shareHint: 'L’adresse de cette page garde les filtres et l’ordre : copiez-la pour partager cette vue.',
  },
});
