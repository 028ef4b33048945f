// The devtools page: adds the panel to DevTools for each inspected tab.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('WebSockets', '/icons/icon-32.png', '/panel.html');
