import { openDatabase } from '../electron/core/db/open.ts';
const db = openDatabase(process.argv[2], { readonly: true });
const cpuNow = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const t = (label: string, sql: string) => { const st = db.prepare(sql); st.all(); const c = cpuNow(); const r = st.all(); console.log(label.padEnd(12), (cpuNow() - c).toFixed(1), 'ms', r.length, 'rows'); };
for (const v of ['search_name_terms', 'search_place_terms', 'search_product_terms']) {
  t(v, `SELECT term, doc FROM ${v}`);
  t(v + ' a..', `SELECT term, doc FROM ${v} WHERE term >= 'a' AND term < 'xc0' UNION ALL SELECT term, doc FROM ${v} WHERE term >= 'xc:'`);
}
t('all', `SELECT term, sum(doc) AS docs FROM (
       SELECT term, doc FROM search_name_terms
       UNION ALL SELECT term, doc FROM search_place_terms
       UNION ALL SELECT term, doc FROM search_product_terms)
     WHERE length(term) >= 3 AND term NOT GLOB '*[0-9]*' AND term <> 'xsolidarityx'
     GROUP BY term`);
console.log(db.prepare("SELECT id, length(block) FROM search_enterprise_names_data WHERE id IN (1, 10)").all());
