/**
 * The Undo button beside a status line. The undo is cleared before it runs, so a second click
 * cannot run it twice; the caller says what follows (its own "Undone." and error sentence).
 */
export function UndoButton({
  undo,
  clear,
  label,
  onDone,
  onError,
}: {
  undo: (() => Promise<unknown>) | null;
  clear(): void;
  label: string;
  onDone(): void;
  onError(err: unknown): void;
}) {
  if (!undo) return null;
  return (
    <button
      type="button"
      onClick={() => {
        clear();
        undo().then(onDone, onError);
      }}
    >
      {label}
    </button>
  );
}
