import { defineMessages } from '../../i18n/index.tsx';

export const mapMessages = defineMessages({
  en: {
    useAsPlace: 'Use as my place', isMyPlace: 'This is my place ✓', title: 'Map', zoomIn: 'Zoom in', zoomOut: 'Zoom out', reset: 'Show everything', tiles: 'Online map tiles (OpenStreetMap)',
    tilesNote: 'Off by default: the outlines shipped with Teia work offline. Tiles are fetched from tile.openstreetmap.org.',
    legend: 'Legend', solidarity: 'Solidarity enterprise', other: 'Other enterprise', cluster: 'Group: the green share is solidarity',
    onMap: '{count, plural, one {# enterprise on the map} other {# enterprises on the map}}', noCoords: '{count, plural, one {# has no coordinates and is not shown.} other {# have no coordinates and are not shown.}}',
    mapLabel: 'Map of enterprises. Arrow keys move, + and − zoom, 0 shows everything.', inView: 'In view',
    zoomCluster: 'Zoom into {count, plural, one {# enterprise} other {# enterprises}} ({share} solidarity)', more: '{count, plural, one {and # more in view: zoom in to list it.} other {and # more in view: zoom in to list them.}}',
    close: 'Close', open: 'Open the page', filtered: 'Filtered as in the directory.', showAll: 'Show all', openDirectory: 'Same filters in the directory',
    loading: 'Loading the map…', none: 'No enterprise with coordinates matches.',
  },
  es: {
    useAsPlace: 'Usar como mi lugar', isMyPlace: 'Es mi lugar ✓', title: 'Mapa', zoomIn: 'Acercar', zoomOut: 'Alejar', reset: 'Ver todo', tiles: 'Teselas de mapa en línea (OpenStreetMap)',
    tilesNote: 'Desactivado por defecto: los contornos incluidos en Teia funcionan sin conexión. Las teselas vienen de tile.openstreetmap.org.',
    legend: 'Leyenda', solidarity: 'Emprendimiento solidario', other: 'Otro emprendimiento', cluster: 'Grupo: la parte verde es solidaria',
    onMap: '{count, plural, one {# emprendimiento en el mapa} other {# emprendimientos en el mapa}}', noCoords: '{count, plural, one {# no tiene coordenadas y no se muestra.} other {# no tienen coordenadas y no se muestran.}}',
    mapLabel: 'Mapa de emprendimientos. Las flechas mueven, + y − acercan o alejan, 0 muestra todo.', inView: 'En pantalla',
    zoomCluster: 'Acercar a {count, plural, one {# emprendimiento} other {# emprendimientos}} ({share} solidarios)', more: '{count, plural, one {y # más en pantalla: acerque para verlo.} other {y # más en pantalla: acerque para verlos.}}',
    close: 'Cerrar', open: 'Abrir la ficha', filtered: 'Filtrado como en el directorio.', showAll: 'Ver todos', openDirectory: 'Mismos filtros en el directorio',
    loading: 'Cargando el mapa…', none: 'Ningún emprendimiento con coordenadas cumple los filtros.',
  },
  pt: {
    useAsPlace: 'Usar como meu local', isMyPlace: 'Este é meu local ✓', title: 'Mapa', zoomIn: 'Aproximar', zoomOut: 'Afastar', reset: 'Ver tudo', tiles: 'Mapa on-line (OpenStreetMap)',
    tilesNote: 'Desligado por padrão: os contornos que vêm com o Teia funcionam sem internet. Os blocos vêm de tile.openstreetmap.org.',
    legend: 'Legenda', solidarity: 'Empreendimento solidário', other: 'Outro empreendimento', cluster: 'Grupo: a parte verde é solidária',
    onMap: '{count, plural, one {# empreendimento no mapa} other {# empreendimentos no mapa}}', noCoords: '{count, plural, one {# não tem coordenadas e não aparece.} other {# não têm coordenadas e não aparecem.}}',
    mapLabel: 'Mapa dos empreendimentos. As setas movem, + e − aproximam ou afastam, 0 mostra tudo.', inView: 'Na tela',
    zoomCluster: 'Aproximar de {count, plural, one {# empreendimento} other {# empreendimentos}} ({share} solidários)', more: '{count, plural, one {e mais # na tela: aproxime para listá-lo.} other {e mais # na tela: aproxime para listá-los.}}',
    close: 'Fechar', open: 'Abrir a página', filtered: 'Filtrado como no diretório.', showAll: 'Ver todos', openDirectory: 'Mesmos filtros no diretório',
    loading: 'Carregando o mapa…', none: 'Nenhum empreendimento com coordenadas atende aos filtros.',
  },
  fr: {
    useAsPlace: 'Utiliser comme mon lieu', isMyPlace: 'C’est mon lieu ✓', title: 'Carte', zoomIn: 'Zoomer', zoomOut: 'Dézoomer', reset: 'Tout voir', tiles: 'Fond de carte en ligne (OpenStreetMap)',
    tilesNote: 'Désactivé par défaut : les contours fournis avec Teia marchent hors ligne. Les tuiles viennent de tile.openstreetmap.org.',
    legend: 'Légende', solidarity: 'Entreprise solidaire', other: 'Autre entreprise', cluster: 'Groupe : la part verte est solidaire',
    onMap: '{count, plural, one {# entreprise sur la carte} other {# entreprises sur la carte}}', noCoords: '{count, plural, one {# n’a pas de coordonnées et n’est pas affichée.} other {# n’ont pas de coordonnées et ne sont pas affichées.}}',
    mapLabel: 'Carte des entreprises. Les flèches déplacent, + et − zooment, 0 montre tout.', inView: 'À l’écran',
    zoomCluster: 'Zoomer sur {count, plural, one {# entreprise} other {# entreprises}} ({share} solidaires)', more: '{count, plural, one {et # de plus à l’écran : zoomez pour la lister.} other {et # de plus à l’écran : zoomez pour les lister.}}',
    close: 'Fermer', open: 'Ouvrir la fiche', filtered: 'Filtré comme dans l’annuaire.', showAll: 'Tout afficher', openDirectory: 'Mêmes filtres dans l’annuaire',
    loading: 'Chargement de la carte…', none: 'Aucune entreprise avec coordonnées ne correspond.',
  },
});
