import { defineMessages } from '../../i18n/index.tsx';

export const posterMessages = defineMessages({
  en: {
    open: 'A poster of these changes for the till →', intro: 'A poster for the till: print it on one page.', print: 'Print the poster', kicker: 'Solidarity economy',
    now: 'of what we buy comes from solidarity enterprises', after: 'with the new suppliers we have chosen',
    newSuppliers: 'Our new solidarity suppliers', buysFrom: '{product} from {supplier}', foot: 'Figures calculated by Teia from the purchases recorded in our network’s catalogue.',
  },
  es: {
    open: 'Un cartel de estos cambios para la caja →', intro: 'Un cartel para la caja: imprímalo en una página.', print: 'Imprimir el cartel', kicker: 'Economía solidaria',
    now: 'de lo que compramos viene de emprendimientos solidarios', after: 'con los nuevos proveedores que elegimos',
    newSuppliers: 'Nuestros nuevos proveedores solidarios', buysFrom: '{product} de {supplier}', foot: 'Cifras calculadas por Teia a partir de las compras registradas en el catálogo de nuestra red.',
  },
  pt: {
    open: 'Um cartaz destas mudanças para o caixa →', intro: 'Um cartaz para o caixa: imprima em uma página.', print: 'Imprimir o cartaz', kicker: 'Economia solidária',
    now: 'do que compramos vem de empreendimentos solidários', after: 'com os novos fornecedores que escolhemos',
    newSuppliers: 'Nossos novos fornecedores solidários', buysFrom: '{product} de {supplier}', foot: 'Números calculados pela Teia a partir das compras registradas no catálogo da nossa rede.',
  },
  fr: {
    open: 'Une affiche de ces changements pour la caisse →', intro: 'Une affiche pour la caisse : imprimez-la sur une page.', print: 'Imprimer l’affiche', kicker: 'Économie solidaire',
    now: 'de nos achats viennent d’entreprises solidaires', after: 'avec les nouveaux fournisseurs que nous avons choisis',
    newSuppliers: 'Nos nouveaux fournisseurs solidaires', buysFrom: '{product} de {supplier}', foot: 'Chiffres calculés par Teia à partir des achats enregistrés dans le catalogue de notre réseau.',
  },
});
