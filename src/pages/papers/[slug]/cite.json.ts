/** A paper's CSL-JSON, /papers/<slug>/cite.json (see src/lib/csl-json.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CSL_JSON_TYPE, paperCslFile } from '../../../lib/citation-files.ts';
import { paperCitationPages, type PaperCitationProps } from '../../../lib/citation-pages.ts';
import { getArchive } from '../../../lib/get-archive.ts';
import { routesToRender } from '../../../lib/render-plan.ts';

export const getStaticPaths = (async () => routesToRender(paperCitationPages(await getArchive(), 'csl'))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(paperCslFile(props as PaperCitationProps, site ?? url), { headers: { 'Content-Type': CSL_JSON_TYPE } });
