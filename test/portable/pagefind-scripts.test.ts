import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { classicPagefind } from '../../src/portable/classic-pagefind.ts';
import { wrapDataFile } from '../../src/portable/wrap-data-file.ts';

describe('classicPagefind', () => {
  it('turns the module into a classic script that finds its folder from its own address', async () => {
    const source =
      'export const where = import.meta.url.match(/^(.*\\/)pagefind.js.*$/)?.[1];\nexport async function init() { return 1; }\n';
    const code = await classicPagefind(source);
    expect(code).not.toMatch(/^\s*(import|export)\b/m);
    const context: Record<string, unknown> = {
      URL,
      document: { currentScript: { src: 'file:///home/r/shelf/pagefind/pagefind.classic.js' } },
    };
    runInNewContext(code, context);
    const pagefind = context['__papershelfPagefind'] as { where: string; init: () => Promise<number> };
    expect(pagefind.where).toBe('file:///home/r/shelf/pagefind/');
    expect(await pagefind.init()).toBe(1);
  });
});

describe('wrapDataFile', () => {
  it('hands the bytes over as base64, with nothing else from the file in the script', () => {
    const bytes = new TextEncoder().encode('</script><script>alert(1)</script>"\u2028');
    const script = wrapDataFile('fragment/en_1.pf_fragment', bytes);
    expect(script).toBe(`__pf_put("fragment/en_1.pf_fragment","${Buffer.from(bytes).toString('base64')}");\n`);
    const delivered: [string, string][] = [];
    runInNewContext(script, { __pf_put: (path: string, data: string) => delivered.push([path, data]) });
    expect(delivered).toHaveLength(1);
    expect(Buffer.from(delivered[0]![1], 'base64')).toEqual(Buffer.from(bytes));
  });
});
