/** A paper's CSL-JSON, /papers/<slug>/cite.json (see src/site/formats/csl-json.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routesOf } from '../../../site/pages/page-data.ts';
import { pageFileResponse } from '../../../site/pages/page-files.ts';

export const getStaticPaths = (() => routesOf('paper-csl')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site, url }) => pageFileResponse('paper-csl', props, site ?? url);
