import { defineMessages } from '../../i18n/index.tsx';

/** The graph view's own sentences (the rest of the Network screen's are in messages.ts). */
export const graphMessages = defineMessages({
  en: {
    geoNone: '{n, plural, one {This enterprise has no coordinates} other {None of these # enterprises has coordinates}}, so the geographic layout has nothing to place. Add a latitude and longitude to their records, or choose another layout.',
    geoSome: '{missing, plural, one {# enterprise} other {# enterprises}} of {n} {missing, plural, one {has} other {have}} no coordinates and {missing, plural, one {is} other {are}} left off this map.',
    useForce: 'Show the force-directed layout',
    useTiers: 'Show the tiers layout',
    legendSizeLinks: 'Size: number of links (no flow here has a value)',
  },
  es: {
    geoNone: '{n, plural, one {Este emprendimiento no tiene coordenadas} other {Ninguno de estos # emprendimientos tiene coordenadas}}, así que la disposición geográfica no tiene nada que colocar. Añada latitud y longitud a sus fichas o elija otra disposición.',
    geoSome: '{missing, plural, one {# emprendimiento} other {# emprendimientos}} de {n} no {missing, plural, one {tiene} other {tienen}} coordenadas y {missing, plural, one {queda} other {quedan}} fuera de este mapa.',
    useForce: 'Ver la disposición por fuerzas',
    useTiers: 'Ver la disposición por niveles',
    legendSizeLinks: 'Tamaño: número de vínculos (ningún flujo tiene valor aquí)',
  },
  pt: {
    geoNone: '{n, plural, one {Este empreendimento não tem coordenadas} other {Nenhum destes # empreendimentos tem coordenadas}}, então a disposição geográfica não tem o que posicionar. Acrescente latitude e longitude aos cadastros ou escolha outra disposição.',
    geoSome: '{missing, plural, one {# empreendimento} other {# empreendimentos}} de {n} não {missing, plural, one {tem} other {têm}} coordenadas e {missing, plural, one {fica} other {ficam}} fora deste mapa.',
    useForce: 'Ver a disposição por forças',
    useTiers: 'Ver a disposição por níveis',
    legendSizeLinks: 'Tamanho: número de vínculos (nenhum fluxo tem valor aqui)',
  },
  fr: {
    geoNone: '{n, plural, one {Cette entreprise n’a pas de coordonnées} other {Aucune de ces # entreprises n’a de coordonnées}} : la disposition géographique n’a rien à placer. Ajoutez une latitude et une longitude à leurs fiches, ou choisissez une autre disposition.',
    geoSome: '{missing, plural, one {# entreprise} other {# entreprises}} sur {n} {missing, plural, one {n’a} other {n’ont}} pas de coordonnées et {missing, plural, one {reste} other {restent}} hors de cette carte.',
    useForce: 'Voir la disposition par forces',
    useTiers: 'Voir la disposition par niveaux',
    legendSizeLinks: 'Taille : nombre de liens (aucun flux n’a de valeur ici)',
  },
});
