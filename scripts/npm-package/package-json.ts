/** The published package's manifest, from the repository's: its version and its valibot, nothing else. */
export function packageJson(root: { version: string; dependencies: { valibot: string } }) {
  const types = (name: string) => ({ types: `./${name}.d.ts`, default: `./${name}.js` });
  return {
    name: 'websocket-close-inspector',
    version: root.version,
    description:
      'Assert on WebSocket closes in Playwright, Puppeteer and WebDriver BiDi tests, and report on close logs and HAR files from the command line.',
    keywords: [
      'websocket',
      'close code',
      '1006',
      'playwright',
      'puppeteer',
      'webdriver-bidi',
      'har',
      'testing',
    ],
    license: 'MIT',
    type: 'module',
    engines: { node: '>=20.19' },
    exports: {
      '.': types('index'),
      './playwright': types('playwright'),
      './puppeteer': types('puppeteer'),
      './replay': types('replay'),
      './recorder.js': './recorder.js',
      './package.json': './package.json',
    },
    types: './index.d.ts',
    bin: { 'websocket-close-inspector': './cli.js' },
    dependencies: { valibot: root.dependencies.valibot },
    peerDependencies: {
      '@playwright/test': '>=1.42',
      puppeteer: '>=22',
      'puppeteer-core': '>=22',
      ws: '>=8',
    },
    peerDependenciesMeta: {
      '@playwright/test': { optional: true },
      puppeteer: { optional: true },
      'puppeteer-core': { optional: true },
      ws: { optional: true },
    },
  };
}
