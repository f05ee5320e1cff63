import { useQuery } from '../../api/hooks.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ToClassify } from './ToClassify.tsx';

const messages = defineMessages({
  en: {
    title: 'Overview', lead: 'Teia maps who buys what from whom in the solidarity economy, shows where money leaks out of the network, and plans how to bring it back.',
    enterprises: 'Enterprises', solidarity: 'Solidarity enterprises', products: 'Products', offers: 'Offers', needs: 'Needs', flows: 'Flows', networks: 'Networks', currencies: 'Currencies',
    next: 'Where to start', find: 'Find who sells a product near you', importFile: 'Import a list of enterprises', browse: 'Browse the directory', add: 'Add an enterprise', catalogue: 'Catalogue file',
  },
  es: {
    title: 'Resumen', lead: 'Teia mapea quién compra qué a quién en la economía solidaria, muestra dónde se fuga el dinero de la red y planifica cómo recuperarlo.',
    enterprises: 'Emprendimientos', solidarity: 'Emprendimientos solidarios', products: 'Productos', offers: 'Ofertas', needs: 'Necesidades', flows: 'Flujos', networks: 'Redes', currencies: 'Monedas',
    next: 'Por dónde empezar', find: 'Encontrar quién vende un producto cerca', importFile: 'Importar una lista de emprendimientos', browse: 'Ver el directorio', add: 'Añadir un emprendimiento', catalogue: 'Archivo del catálogo',
  },
  pt: {
    title: 'Visão geral', lead: 'A Teia mapeia quem compra o quê de quem na economia solidária, mostra onde o dinheiro vaza da rede e planeja como trazê-lo de volta.',
    enterprises: 'Empreendimentos', solidarity: 'Empreendimentos solidários', products: 'Produtos', offers: 'Ofertas', needs: 'Necessidades', flows: 'Fluxos', networks: 'Redes', currencies: 'Moedas',
    next: 'Por onde começar', find: 'Encontrar quem vende um produto perto de você', importFile: 'Importar uma lista de empreendimentos', browse: 'Ver o diretório', add: 'Cadastrar um empreendimento', catalogue: 'Arquivo do catálogo',
  },
  fr: {
    title: 'Vue d’ensemble', lead: 'Teia cartographie qui achète quoi à qui dans l’économie solidaire, montre où l’argent fuit du réseau et planifie comment le faire revenir.',
    enterprises: 'Entreprises', solidarity: 'Entreprises solidaires', products: 'Produits', offers: 'Offres', needs: 'Besoins', flows: 'Flux', networks: 'Réseaux', currencies: 'Monnaies',
    next: 'Par où commencer', find: 'Trouver qui vend un produit près de chez vous', importFile: 'Importer une liste d’entreprises', browse: 'Parcourir l’annuaire', add: 'Ajouter une entreprise', catalogue: 'Fichier du catalogue',
  },
});

const statKeys = ['enterprises', 'solidarity', 'products', 'offers', 'needs', 'flows', 'networks', 'currencies'] as const;

export default function HomePage() {
  const t = useMessages(messages);
  const { number } = useI18n();
  const stats = useQuery('catalogue-stats', {});
  const info = useQuery('app-info', {});
  const value = (k: (typeof statKeys)[number]) => {
    const s = stats.data;
    if (!s) return '…';
    return number(k === 'solidarity' ? s.solidarityEnterprises : s[k]);
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <ErrorNote error={stats.error} />
      <dl className="stat-grid" aria-label={t('title')}>
        {statKeys.map((k) => (
          <div key={k} className="stat">
            <dt>{t(k)}</dt>
            <dd data-testid={`stat-${k}`}>{value(k)}</dd>
          </div>
        ))}
      </dl>
      <ToClassify />
      <h2>{t('next')}</h2>
      <ul className="link-list">
        <li><Link to="/search">{t('find')}</Link></li>
        <li><Link to="/directory">{t('browse')}</Link></li>
        <li><Link to="/import">{t('importFile')}</Link></li>
        <li><Link to="/enterprise/new">{t('add')}</Link></li>
      </ul>
      {info.data && (
        <p className="muted small">
          {t('catalogue')}: <code>{info.data.databasePath}</code> · Teia {info.data.version}
        </p>
      )}
    </section>
  );
}
