import { defineMessages } from '../../i18n/index.tsx';

export const enterpriseMessages = defineMessages({
  en: {
    directory: 'Directory', count: '{count, plural, one {# enterprise} other {# enterprises}}', add: 'Add an enterprise', name: 'Name', place: 'Place', status: 'Status',
    solidarity: 'Solidarity', nonSolidarity: 'Not solidarity', newTitle: 'New enterprise', isSolidarity: 'Counted as a solidarity enterprise',
    description: 'Description', locality: 'Town or city', region: 'Region', country: 'Country (ISO code, e.g. BR)', lat: 'Latitude', lon: 'Longitude',
    website: 'Website', email: 'Email', phone: 'Phone', save: 'Save', cancel: 'Cancel', saving: 'Saving…', previous: 'Previous', next: 'Next',
    legalForm: 'Legal form', structure: 'Organisational structure', activities: 'Activities', qualifiers: 'Qualifiers', currencies: 'Accepted currencies',
    networks: 'Networks', criteria: 'Criteria', unknown: 'unknown', provenance: 'Provenance', source: 'Source', created: 'Added', updated: 'Updated',
    contacts: 'Contacts', address: 'Address', notFoundBack: 'Back to the directory', imported: 'Import #{id}, line {line}', manual: 'Entered by hand',
  },
  es: {
    directory: 'Directorio', count: '{count, plural, one {# emprendimiento} other {# emprendimientos}}', add: 'Añadir un emprendimiento', name: 'Nombre', place: 'Lugar', status: 'Estado',
    solidarity: 'Solidario', nonSolidarity: 'No solidario', newTitle: 'Nuevo emprendimiento', isSolidarity: 'Se cuenta como emprendimiento solidario',
    description: 'Descripción', locality: 'Ciudad', region: 'Región', country: 'País (código ISO, p. ej. BR)', lat: 'Latitud', lon: 'Longitud',
    website: 'Sitio web', email: 'Correo', phone: 'Teléfono', save: 'Guardar', cancel: 'Cancelar', saving: 'Guardando…', previous: 'Anterior', next: 'Siguiente',
    legalForm: 'Forma jurídica', structure: 'Estructura organizativa', activities: 'Actividades', qualifiers: 'Calificadores', currencies: 'Monedas aceptadas',
    networks: 'Redes', criteria: 'Criterios', unknown: 'desconocido', provenance: 'Procedencia', source: 'Fuente', created: 'Añadido', updated: 'Actualizado',
    contacts: 'Contactos', address: 'Dirección', notFoundBack: 'Volver al directorio', imported: 'Importación n.º {id}, línea {line}', manual: 'Introducido a mano',
  },
  pt: {
    directory: 'Diretório', count: '{count, plural, one {# empreendimento} other {# empreendimentos}}', add: 'Cadastrar um empreendimento', name: 'Nome', place: 'Local', status: 'Situação',
    solidarity: 'Solidário', nonSolidarity: 'Não solidário', newTitle: 'Novo empreendimento', isSolidarity: 'Contado como empreendimento solidário',
    description: 'Descrição', locality: 'Cidade', region: 'Região', country: 'País (código ISO, ex. BR)', lat: 'Latitude', lon: 'Longitude',
    website: 'Site', email: 'E-mail', phone: 'Telefone', save: 'Salvar', cancel: 'Cancelar', saving: 'Salvando…', previous: 'Anterior', next: 'Próxima',
    legalForm: 'Forma jurídica', structure: 'Estrutura organizacional', activities: 'Atividades', qualifiers: 'Qualificadores', currencies: 'Moedas aceitas',
    networks: 'Redes', criteria: 'Critérios', unknown: 'desconhecido', provenance: 'Procedência', source: 'Fonte', created: 'Cadastrado', updated: 'Atualizado',
    contacts: 'Contatos', address: 'Endereço', notFoundBack: 'Voltar ao diretório', imported: 'Importação nº {id}, linha {line}', manual: 'Cadastrado à mão',
  },
  fr: {
    directory: 'Annuaire', count: '{count, plural, one {# entreprise} other {# entreprises}}', add: 'Ajouter une entreprise', name: 'Nom', place: 'Lieu', status: 'Statut',
    solidarity: 'Solidaire', nonSolidarity: 'Non solidaire', newTitle: 'Nouvelle entreprise', isSolidarity: 'Comptée comme entreprise solidaire',
    description: 'Description', locality: 'Ville', region: 'Région', country: 'Pays (code ISO, p. ex. BR)', lat: 'Latitude', lon: 'Longitude',
    website: 'Site web', email: 'Courriel', phone: 'Téléphone', save: 'Enregistrer', cancel: 'Annuler', saving: 'Enregistrement…', previous: 'Précédent', next: 'Suivant',
    legalForm: 'Forme juridique', structure: 'Structure organisationnelle', activities: 'Activités', qualifiers: 'Qualificatifs', currencies: 'Monnaies acceptées',
    networks: 'Réseaux', criteria: 'Critères', unknown: 'inconnu', provenance: 'Provenance', source: 'Source', created: 'Ajoutée', updated: 'Modifiée',
    contacts: 'Contacts', address: 'Adresse', notFoundBack: 'Retour à l’annuaire', imported: 'Import n° {id}, ligne {line}', manual: 'Saisie à la main',
  },
});
