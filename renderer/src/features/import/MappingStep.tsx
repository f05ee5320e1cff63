import { useId } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import type { FileTable, Mapping } from './fileData.ts';
import { fieldMessages, importMessages, mappableFields, type MappableField } from './messages.ts';
import { chainMessages } from './chainMessages.ts';
import { fieldsOf, REQUIRED_FIELDS, type RecordKind } from '../../../../shared/domain/kinds.ts';
import { LABEL_LANGS, label, type LabelLang } from '../../../../shared/domain/kind-labels.ts';

/** A field's label in the UI's language: the enterprise fields' own, else the kind's column header. */
export function useFieldLabel(kind: RecordKind): (field: string) => string {
  const f = useMessages(fieldMessages);
  const { lang } = useI18n();
  const l: LabelLang = (LABEL_LANGS as readonly string[]).includes(lang) ? (lang as LabelLang) : 'en';
  return (field) => (kind === 'enterprises' ? f(field as MappableField) : label(kind, field, l));
}

interface MappingProps {
  table: FileTable;
  kind: RecordKind;
  mapping: Mapping;
  onChange(m: Mapping): void;
  constants: Mapping;
  onConstants(c: Mapping): void;
  disabled?: boolean;
}

/**
 * One select per field of the sheet's kind, listing the file's columns; for a sheet of flows,
 * offers, needs or products, a field with no column can take one value for all rows
 * (`--set` on the command line). Then the first rows as read.
 */
export function MappingStep({ table, kind, mapping, onChange, constants, onConstants, disabled }: MappingProps) {
  const t = useMessages(importMessages);
  const c = useMessages(chainMessages);
  const fieldLabel = useFieldLabel(kind);
  const leadId = useId();
  const idBase = useId();
  const fields = kind === 'enterprises' ? mappableFields : fieldsOf(kind);
  const required = new Set(REQUIRED_FIELDS[kind]);
  const fieldOf = new Map<string, string>();
  for (const field of fields) if (mapping[field]) fieldOf.set(mapping[field]!, fieldLabel(field));
  return (
    <>
      <fieldset className="mapping" aria-describedby={leadId} disabled={disabled}>
        <legend>{t('mappingTitle')}</legend>
        <p id={leadId} className="muted small">{t('mappingLead')}</p>
        <div className="mapping-grid">
          {fields.map((field) => (
            // The label is beside the select, not around it: a label holding a select would take its options' text too.
            <div key={field} className={mapping[field] || constants[field] ? 'mapping-field mapped' : 'mapping-field'}>
              <label htmlFor={`${idBase}-${field}`}>
                {fieldLabel(field)}
                {required.has(field) && <span aria-hidden="true"> *</span>}
              </label>
              <select
                id={`${idBase}-${field}`}
                value={mapping[field] ?? ''}
                required={required.has(field) && !constants[field]}
                onChange={(e) => onChange({ ...mapping, [field]: e.target.value || undefined })}
              >
                <option value="">{t('notImported')}</option>
                {table.headers.map((h) => (
                  <option key={h} value={h}>{h}</option>
                ))}
              </select>
              {kind !== 'enterprises' && !mapping[field] && field !== 'id' && (
                <input
                  type="text"
                  className="mapping-constant"
                  aria-label={c('constantLabel', { field: fieldLabel(field) })}
                  placeholder={c('constant')}
                  value={constants[field] ?? ''}
                  onChange={(e) => onConstants({ ...constants, [field]: e.target.value || undefined })}
                />
              )}
            </div>
          ))}
        </div>
      </fieldset>
      <PreviewTable table={table} fieldOf={fieldOf} />
    </>
  );
}

export function PreviewTable({ table, fieldOf }: { table: FileTable; fieldOf?: Map<string, string> }) {
  const t = useMessages(importMessages);
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
                  {fieldOf?.get(h) && <span className="field-tag">→ {fieldOf.get(h)}</span>}
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
