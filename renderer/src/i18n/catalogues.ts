import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import pt from './locales/pt.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

/**
 * The message catalogues, one JSON file per language with flat `namespace.key` ids (what a
 * translator edits; see ./locales/README.md). All four are bundled: together they are small
 * beside the app, and switching language then needs no loading.
 */
export const catalogues: Record<'en' | 'es' | 'pt' | 'fr', Record<string, string | undefined>> = { en, es, pt, fr };
