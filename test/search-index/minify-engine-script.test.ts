import { describe, expect, it } from 'vitest';
import { minifyEngineScript } from '../../src/build/search/minify-engine-script.ts';

describe('minifyEngineScript', () => {
  const source = [
    'const pagefind_version="1.6.0";',
    'let basePathFromModule=import.meta.url.match(/^(.*\\/)pagefind.js.*$/)?.[1];',
    'async function search(term,options){const results=[term,options];return{results,where:basePathFromModule,pagefind_version};}',
    'export{search};',
  ].join('');

  it('keeps the exports, import.meta.url and behaviour, in fewer bytes', async () => {
    const minified = await minifyEngineScript(source);
    expect(minified.length).toBeLessThan(source.length);
    expect(minified).toContain('import.meta.url');
    const module = (await import(`data:text/javascript,${encodeURIComponent(minified)}`)) as {
      search: (term: string, options: object) => Promise<{ results: unknown[]; pagefind_version: string }>;
    };
    expect(await module.search('a', { b: 1 })).toMatchObject({ results: ['a', { b: 1 }], pagefind_version: '1.6.0' });
  });
});
