import { defineMessages } from '../../i18n/index.tsx';

export const chartMessages = defineMessages({
  en: {
    savePng: 'Save as PNG', saveSvg: 'Save as SVG', solidarity: 'From solidarity suppliers', other: 'From non-solidarity suppliers',
    proposed: 'Proposed substitution', tier: 'Tier', tierValue: 'Value', tierShare: 'Solidarity share', tableCaption: 'Value reaching each tier, and the part from solidarity suppliers',
    omitted: '{count, plural, one {# link that runs back up the chain (a feedback circuit) is not drawn.} other {# links that run back up the chain (feedback circuits) are not drawn.}}', empty: 'No valued flows to draw.',
    linksTable: 'Every band of the diagram', supplier: 'Supplier', buyer: 'Buyer', value: 'Value', kind: 'Kind', tierDirect: 'direct suppliers', tierN: '{n} steps up',
  },
  es: {
    savePng: 'Guardar como PNG', saveSvg: 'Guardar como SVG', solidarity: 'De proveedores solidarios', other: 'De proveedores no solidarios',
    proposed: 'Sustitución propuesta', tier: 'Nivel', tierValue: 'Valor', tierShare: 'Parte solidaria', tableCaption: 'Valor que llega a cada nivel y la parte de proveedores solidarios',
    omitted: '{count, plural, one {No se dibuja # vínculo que vuelve hacia arriba en la cadena (un circuito).} other {No se dibujan # vínculos que vuelven hacia arriba en la cadena (circuitos).}}', empty: 'No hay flujos valorados que dibujar.',
    linksTable: 'Cada banda del diagrama', supplier: 'Proveedor', buyer: 'Comprador', value: 'Valor', kind: 'Tipo', tierDirect: 'proveedores directos', tierN: '{n} pasos arriba',
  },
  pt: {
    savePng: 'Salvar como PNG', saveSvg: 'Salvar como SVG', solidarity: 'De fornecedores solidários', other: 'De fornecedores não solidários',
    proposed: 'Substituição proposta', tier: 'Nível', tierValue: 'Valor', tierShare: 'Parte solidária', tableCaption: 'Valor que chega a cada nível e a parte de fornecedores solidários',
    omitted: '{count, plural, one {# vínculo que volta para cima na cadeia (um circuito) não é desenhado.} other {# vínculos que voltam para cima na cadeia (circuitos) não são desenhados.}}', empty: 'Não há fluxos valorados para desenhar.',
    linksTable: 'Cada faixa do diagrama', supplier: 'Fornecedor', buyer: 'Comprador', value: 'Valor', kind: 'Tipo', tierDirect: 'fornecedores diretos', tierN: '{n} passos acima',
  },
  fr: {
    savePng: 'Enregistrer en PNG', saveSvg: 'Enregistrer en SVG', solidarity: 'De fournisseurs solidaires', other: 'De fournisseurs non solidaires',
    proposed: 'Substitution proposée', tier: 'Niveau', tierValue: 'Valeur', tierShare: 'Part solidaire', tableCaption: 'Valeur qui atteint chaque niveau, et la part des fournisseurs solidaires',
    omitted: '{count, plural, one {# lien qui remonte la chaîne (un circuit) n’est pas dessiné.} other {# liens qui remontent la chaîne (circuits) ne sont pas dessinés.}}', empty: 'Aucun flux valorisé à dessiner.',
    linksTable: 'Chaque bande du diagramme', supplier: 'Fournisseur', buyer: 'Acheteur', value: 'Valeur', kind: 'Type', tierDirect: 'fournisseurs directs', tierN: '{n} niveaux plus haut',
  },
});
