import { defineMessages } from '../../i18n/index.tsx';

export const catalogueMessages = defineMessages({
  en: {
    heading: 'Catalogue of the network', whole: 'Whole catalogue', scope: 'Network', open: 'Print the catalogue for a forum (who makes what, by activity and town) →', print: 'Print or save as PDF', paper: 'Paper', a4: 'A4', letter: 'Letter',
    intro: 'A printable catalogue for the forum: who makes what, grouped by activity and town, with an index of products. Use your browser’s print (or the button) to print it or save it as a PDF.',
    members: 'Enterprises', solidarity: 'Solidarity enterprises', share: 'Solidarity share of purchases', leakage: 'Leakage to non-solidarity suppliers', noFlows: 'not known yet (no valued flows)',
    generated: 'Printed on {date} from Teia.', illustrative: 'Illustrative data: these enterprises are invented.',
    noActivity: 'Other activities', noTown: 'Town not given', offers: 'Offers', accepts: 'Accepts', notSolidarity: 'not a solidarity enterprise',
    productIndex: 'Who sells what', map: 'Where they are', mapNone: 'No enterprise has coordinates yet.', loading: 'Preparing the catalogue…', empty: 'There is nothing to print yet: this catalogue has no enterprises.',
    contents: 'Contents',
  },
  es: {
    heading: 'Catálogo de la red', whole: 'Todo el catálogo', scope: 'Red', open: 'Imprimir el catálogo para un foro (quién produce qué, por actividad y ciudad) →', print: 'Imprimir o guardar como PDF', paper: 'Papel', a4: 'A4', letter: 'Carta',
    intro: 'Un catálogo imprimible para el foro: quién produce qué, agrupado por actividad y ciudad, con un índice de productos. Use la impresión del navegador (o el botón) para imprimirlo o guardarlo como PDF.',
    members: 'Emprendimientos', solidarity: 'Emprendimientos solidarios', share: 'Parte solidaria de las compras', leakage: 'Fuga hacia proveedores no solidarios', noFlows: 'aún no se sabe (sin flujos valorados)',
    generated: 'Impreso el {date} desde Teia.', illustrative: 'Datos ilustrativos: estos emprendimientos son inventados.',
    noActivity: 'Otras actividades', noTown: 'Ciudad no indicada', offers: 'Ofrece', accepts: 'Acepta', notSolidarity: 'no es un emprendimiento solidario',
    productIndex: 'Quién vende qué', map: 'Dónde están', mapNone: 'Ningún emprendimiento tiene coordenadas todavía.', loading: 'Preparando el catálogo…', empty: 'Todavía no hay nada que imprimir: este catálogo no tiene emprendimientos.',
    contents: 'Índice',
  },
  pt: {
    heading: 'Catálogo da rede', whole: 'Catálogo inteiro', scope: 'Rede', open: 'Imprimir o catálogo para um fórum (quem faz o quê, por atividade e cidade) →', print: 'Imprimir ou salvar como PDF', paper: 'Papel', a4: 'A4', letter: 'Carta',
    intro: 'Um catálogo para imprimir no fórum: quem faz o quê, agrupado por atividade e cidade, com um índice de produtos. Use a impressão do navegador (ou o botão) para imprimir ou salvar em PDF.',
    members: 'Empreendimentos', solidarity: 'Empreendimentos solidários', share: 'Parcela solidária das compras', leakage: 'Vazamento para fornecedores não solidários', noFlows: 'ainda não se sabe (sem fluxos com valor)',
    generated: 'Impresso em {date} pela Teia.', illustrative: 'Dados ilustrativos: estes empreendimentos são inventados.',
    noActivity: 'Outras atividades', noTown: 'Cidade não informada', offers: 'Oferece', accepts: 'Aceita', notSolidarity: 'não é um empreendimento solidário',
    productIndex: 'Quem vende o quê', map: 'Onde estão', mapNone: 'Nenhum empreendimento tem coordenadas ainda.', loading: 'Preparando o catálogo…', empty: 'Ainda não há nada para imprimir: este catálogo não tem empreendimentos.',
    contents: 'Sumário',
  },
  fr: {
    heading: 'Catalogue du réseau', whole: 'Tout le catalogue', scope: 'Réseau', open: 'Imprimer le catalogue pour un forum (qui fait quoi, par activité et par ville) →', print: 'Imprimer ou enregistrer en PDF', paper: 'Papier', a4: 'A4', letter: 'Lettre US',
    intro: 'Un catalogue à imprimer pour le forum : qui fait quoi, groupé par activité et par ville, avec un index des produits. Utilisez l’impression du navigateur (ou le bouton) pour l’imprimer ou l’enregistrer en PDF.',
    members: 'Entreprises', solidarity: 'Entreprises solidaires', share: 'Part solidaire des achats', leakage: 'Fuite vers des fournisseurs non solidaires', noFlows: 'pas encore connue (aucun flux valorisé)',
    generated: 'Imprimé le {date} depuis Teia.', illustrative: 'Données d’illustration : ces entreprises sont inventées.',
    noActivity: 'Autres activités', noTown: 'Ville non indiquée', offers: 'Propose', accepts: 'Accepte', notSolidarity: 'pas une entreprise solidaire',
    productIndex: 'Qui vend quoi', map: 'Où elles sont', mapNone: 'Aucune entreprise n’a encore de coordonnées.', loading: 'Préparation du catalogue…', empty: 'Rien à imprimer pour l’instant : ce catalogue n’a aucune entreprise.',
    contents: 'Sommaire',
  },
});
