/** Where a page of ours renders: panel.html and viewer.html each have one #root. */
export function rootElement(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error(`${location.pathname} has no #root element`);
  return root;
}
