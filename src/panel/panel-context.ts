/** Where the panel runs and how it looks, from DevTools when inside it, else from its URL. */
export interface PanelContext {
  tabId: number | null;
  theme: 'light' | 'dark';
}

export function resolvePanelContext(input: {
  params: URLSearchParams;
  devtoolsTabId: number | null;
  devtoolsTheme: string | null;
  prefersDark: boolean;
}): PanelContext {
  const { params } = input;
  const tabParam = Number(params.get('tabId'));
  const themeParam = params.get('theme');
  const theme =
    themeParam === 'dark' || themeParam === 'light'
      ? themeParam
      : input.devtoolsTheme !== null
        ? input.devtoolsTheme === 'dark'
          ? 'dark'
          : 'light'
        : input.prefersDark
          ? 'dark'
          : 'light';
  return {
    tabId: input.devtoolsTabId ?? (Number.isInteger(tabParam) && tabParam > 0 ? tabParam : null),
    theme,
  };
}
