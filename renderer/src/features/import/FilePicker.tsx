import { useRef, useState, type DragEvent } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { importMessages } from './messages.ts';

/** A drop zone with a real button: a file can be dropped, or chosen with the keyboard. */
export function FilePicker({ onFile, compact }: { onFile(file: File): void; compact?: boolean }) {
  const t = useMessages(importMessages);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const picker = (
    <>
      <button type="button" className={compact ? undefined : 'primary'} onClick={() => input.current?.click()}>
        {compact ? t('another') : t('pick')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="import-file"
        accept=".json,.jsonld,.csv,.tsv,.txt,.xlsx,.geojson,.zip"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again still counts as a choice
          if (file) onFile(file);
        }}
      />
    </>
  );
  if (compact) return picker;
  return (
    <div
      className={over ? 'drop-zone drop-over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-title">{t('drop')}</p>
      <p className="muted">{t('or')}</p>
      {picker}
      <p className="muted small">{t('accepted')}</p>
    </div>
  );
}
