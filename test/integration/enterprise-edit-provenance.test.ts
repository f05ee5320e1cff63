import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core.ts';
import { writeEnterprise } from '../../electron/core/catalogue/enterprises.ts';

describe('editing an imported enterprise', () => {
  it('keeps its source id, source attributes and import provenance through update and replace', async () => {
    const t = testCore({ sample: false });
    try {
      const { db } = t.core.ctx;
      const importId = Number(db.prepare("INSERT INTO imports (format, started_at) VALUES ('csv', 'now')").run().lastInsertRowid);
      writeEnterprise(db, { id: 'coop-1', name: 'Coop One', solidarity: true }, { importId, sourceRow: 12, sourceId: 'R-77', extra: { Sector: 'Retail' } });
      const row = () => db.prepare('SELECT import_id, source_row, source_id, extra FROM enterprises WHERE id = ?').get('coop-1');
      const before = row();

      await t.core.call('enterprise-update', { id: 'coop-1', changes: { description: 'Now with a description' } });
      expect(row()).toEqual(before);
      await t.core.call('enterprise-replace', { id: 'coop-1', record: { name: 'Coop One Renamed', solidarity: false } });
      expect(row()).toEqual(before);
      const e = await t.core.call('enterprise-get', { id: 'coop-1' });
      expect(e).toMatchObject({ name: 'Coop One Renamed', solidarity: false, importId, sourceRow: 12 });
      expect(e.description).toBeUndefined();
    } finally {
      t.close();
    }
  });
});
