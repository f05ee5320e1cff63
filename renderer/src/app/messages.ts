import { defineMessages } from '../i18n/index.tsx';

export const appMessages = defineMessages({
  en: {
    home: 'Overview', search: 'Find', directory: 'Directory', map: 'Map', network: 'Network', planner: 'Sourcing planner',
    import: 'Import & export', settings: 'Settings', searchLabel: 'Search', searchPlaceholder: 'Search products and enterprises…',
    skip: 'Skip to content', notFound: 'This page does not exist.', goHome: 'Go to the overview', loading: 'Loading…',
    sampleBanner: 'You are exploring an illustrative sample catalogue: the enterprises are invented. Import your own data to replace it.',
    readOnly: 'Read-only: this catalogue is shared for browsing.',
    screenFailed: 'This screen could not be shown. Reloading usually fixes it; your catalogue is safe.', reload: 'Reload',
  },
  es: {
    home: 'Resumen', search: 'Buscar', directory: 'Directorio', map: 'Mapa', network: 'Red', planner: 'Planificador de compras',
    import: 'Importar y exportar', settings: 'Ajustes', searchLabel: 'Buscar', searchPlaceholder: 'Buscar productos y emprendimientos…',
    skip: 'Ir al contenido', notFound: 'Esta página no existe.', goHome: 'Ir al resumen', loading: 'Cargando…',
    sampleBanner: 'Está explorando un catálogo de ejemplo ilustrativo: los emprendimientos son inventados. Importe sus propios datos para reemplazarlo.',
    readOnly: 'Solo lectura: este catálogo se comparte para consulta.',
    screenFailed: 'No se pudo mostrar esta pantalla. Recargar suele arreglarlo; su catálogo está a salvo.', reload: 'Recargar',
  },
  pt: {
    home: 'Visão geral', search: 'Buscar', directory: 'Diretório', map: 'Mapa', network: 'Rede', planner: 'Planejador de compras',
    import: 'Importar e exportar', settings: 'Configurações', searchLabel: 'Buscar', searchPlaceholder: 'Buscar produtos e empreendimentos…',
    skip: 'Ir para o conteúdo', notFound: 'Esta página não existe.', goHome: 'Ir para a visão geral', loading: 'Carregando…',
    sampleBanner: 'Você está explorando um catálogo de exemplo ilustrativo: os empreendimentos são fictícios. Importe seus próprios dados para substituí-lo.',
    readOnly: 'Somente leitura: este catálogo é compartilhado para consulta.',
    screenFailed: 'Não foi possível mostrar esta tela. Recarregar costuma resolver; seu catálogo está seguro.', reload: 'Recarregar',
  },
  fr: {
    home: 'Vue d’ensemble', search: 'Chercher', directory: 'Annuaire', map: 'Carte', network: 'Réseau', planner: 'Planificateur d’achats',
    import: 'Importer et exporter', settings: 'Réglages', searchLabel: 'Rechercher', searchPlaceholder: 'Chercher des produits et des entreprises…',
    skip: 'Aller au contenu', notFound: 'Cette page n’existe pas.', goHome: 'Aller à la vue d’ensemble', loading: 'Chargement…',
    sampleBanner: 'Vous explorez un catalogue d’exemple illustratif : les entreprises sont inventées. Importez vos propres données pour le remplacer.',
    readOnly: 'Lecture seule : ce catalogue est partagé pour consultation.',
    screenFailed: 'Cet écran n’a pas pu s’afficher. Recharger suffit d’habitude ; votre catalogue est intact.', reload: 'Recharger',
  },
});
