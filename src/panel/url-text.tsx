import { urlParts } from './url-parts';

/** A URL for a narrow cell: its path and query first, the host after it, muted. */
export function UrlText({ url }: { url: string }) {
  const { path, host } = urlParts(url);
  return (
    <>
      {path}
      {host && <span class="url-host"> {host}</span>}
    </>
  );
}
