/** A paper's CSL-JSON, /papers/<slug>/cite.json (see src/lib/csl-json.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CSL_JSON_TYPE, paperCslFile } from '../../../lib/citation-files.ts';
import type { PaperCitationProps } from '../../../lib/citation-pages.ts';
import { routesOf } from '../../../lib/page-data.ts';

export const getStaticPaths = (() => routesOf('paper-csl')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) =>
  new Response(paperCslFile(props as PaperCitationProps, site ?? url), { headers: { 'Content-Type': CSL_JSON_TYPE } });
