import { useId } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import type { FileTable, Mapping } from './fileData.ts';
import { fieldMessages, importMessages, mappableFields, type MappableField } from './messages.ts';

/** One select per catalogue field, listing the file's columns; then the first rows as read. */
export function MappingStep({ table, mapping, onChange, disabled }: { table: FileTable; mapping: Mapping; onChange(m: Mapping): void; disabled?: boolean }) {
  const t = useMessages(importMessages);
  const f = useMessages(fieldMessages);
  const leadId = useId();
  const idBase = useId();
  const fieldOf = new Map<string, MappableField>();
  for (const field of mappableFields) if (mapping[field]) fieldOf.set(mapping[field]!, field);
  return (
    <>
      <fieldset className="mapping" aria-describedby={leadId} disabled={disabled}>
        <legend>{t('mappingTitle')}</legend>
        <p id={leadId} className="muted small">{t('mappingLead')}</p>
        <div className="mapping-grid">
          {mappableFields.map((field) => (
            // The label is beside the select, not around it: a label holding a select would take its options' text too.
            <div key={field} className={mapping[field] ? 'mapping-field mapped' : 'mapping-field'}>
              <label htmlFor={`${idBase}-${field}`}>
                {f(field)}
                {field === 'name' && <span aria-hidden="true"> *</span>}
              </label>
              <select
                id={`${idBase}-${field}`}
                value={mapping[field] ?? ''}
                required={field === 'name'}
                onChange={(e) => onChange({ ...mapping, [field]: e.target.value || undefined })}
              >
                <option value="">{t('notImported')}</option>
                {table.headers.map((h) => (
                  <option key={h} value={h}>{h}</option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <PreviewTable table={table} fieldOf={fieldOf} />
    </>
  );
}

export function PreviewTable({ table, fieldOf }: { table: FileTable; fieldOf?: Map<string, MappableField> }) {
  const t = useMessages(importMessages);
  const f = useMessages(fieldMessages);
  return (
    <>
      <h3>{t('previewTitle')}</h3>
      {/* A wide file scrolls sideways inside its own box; the region is focusable so the keyboard can scroll it. */}
      <div className="preview-scroll" tabIndex={0} role="region" aria-label={t('previewTitle')}>
        <table className="table preview-table">
          <caption className="muted small">{t('previewCaption', { count: table.rows.length })}</caption>
          <thead>
            <tr>
              {table.headers.map((h, i) => (
                <th key={`${h}-${i}`} scope="col">
                  {h}
                  {fieldOf?.get(h) && <span className="field-tag">→ {f(fieldOf.get(h)!)}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {table.headers.map((_, j) => (
                  <td key={j}>{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
