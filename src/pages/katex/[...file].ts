/** /katex/…: KaTeX's stylesheet and woff2 fonts, for the pages that show math (src/site/math/katex-assets.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { KATEX_STYLESHEET, katexFile, katexFiles } from '../../site/math/katex-assets.ts';

export const getStaticPaths = (() => katexFiles().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = params['file']!;
  const type = file === KATEX_STYLESHEET ? 'text/css; charset=utf-8' : 'font/woff2';
  return new Response(katexFile(file), { headers: { 'Content-Type': type } });
};
