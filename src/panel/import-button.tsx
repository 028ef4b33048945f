import { useRef } from 'preact/hooks';

/** "Import…": a file picker for a JSON close log or a HAR this extension exported. */
export function ImportButton({ onFile }: { onFile(file: File): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Open a JSON close log or HAR exported by this extension (or drop it on the panel)"
      >
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.har,application/json"
        aria-label="Import a close log file"
        hidden
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file again must fire change again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
