/** Saves text as a file through an `<a download>` click: works in extension pages and DevTools panels. */
export function downloadText(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click starts the download synchronously; the URL may go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
