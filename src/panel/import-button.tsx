import { useRef } from 'preact/hooks';

/** What a file picker is for: a close log (the default) or a list of saved messages. */
export interface ImportKind {
  accept: string;
  label: string;
  title: string;
}

const CLOSE_LOG: ImportKind = {
  accept: '.json,.har,application/json',
  label: 'Import a close log file',
  title: 'Open a JSON close log or HAR exported by this extension (or drop it on the panel)',
};

/** "Import…": a file picker, by default for a JSON close log or a HAR this extension exported. */
export function ImportButton({ onFile, kind = CLOSE_LOG }: { onFile(file: File): void; kind?: ImportKind }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} title={kind.title}>
        Import…
      </button>
      <input
        ref={input}
        type="file"
        accept={kind.accept}
        aria-label={kind.label}
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
