import browser from 'webextension-polyfill';

/**
 * Calls `onChange` whenever the user switches the DevTools theme. Firefox has an event for it;
 * Chromium a setter outside the polyfill (chrome.devtools.panels.setThemeChangeHandler).
 */
export function watchDevtoolsTheme(onChange: (themeName: string) => void): void {
  const firefoxEvent = browser.devtools.panels.onThemeChanged as
    typeof browser.devtools.panels.onThemeChanged | undefined;
  if (firefoxEvent) firefoxEvent.addListener(onChange);
  else globalThis.chrome?.devtools?.panels?.setThemeChangeHandler?.((theme) => onChange(theme));
}
