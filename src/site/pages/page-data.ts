/**
 * Where routes get their pages and the site-wide data: from the render plan when the build
 * planner drives Astro (src/build/render/render-plan.ts), else computed from the whole archive.
 */
import { astroSettings } from '../../build/render/astro-boundary.ts';
import { getArchive } from '../archive/get-archive.ts';
import type { Brand } from '../brand.ts';
import { readPlanFile } from '../../build/render/render-plan.ts';
import { PAGE_KINDS, siteData, type PageKind, type PropsOf, type SiteData } from './site-pages.ts';

/** The routes of a kind of page this run renders, as `getStaticPaths` returns them. */
export async function routesOf<Kind extends PageKind>(
  kind: Kind,
): Promise<{ params: Record<string, string | undefined>; props: PropsOf<Kind> }[]> {
  const planned = readPlanFile();
  const pages = planned
    ? planned.pages.filter((page) => page.kind === kind)
    : PAGE_KINDS[kind](await getArchive(), (await astroSettings()).brand.title);
  return pages.map(({ params, props }) => ({ params, props: props as PropsOf<Kind> }));
}

let site: Promise<SiteData> | undefined;

/** The site-wide data: navigation, home, the list of days, the archive's feed. */
export function getSiteData(): Promise<SiteData> {
  const planned = readPlanFile();
  site ??= planned
    ? Promise.resolve(planned.site)
    : Promise.all([getArchive(), astroSettings()]).then(([archive, settings]) =>
        siteData(archive, settings.searchBundleSize, settings.brand.title),
      );
  return site;
}

/** The archive's own name, colours, icon and the rest every page's frame shows (src/site/brand.ts). */
export async function getBrand(): Promise<Brand> {
  return (await astroSettings()).brand;
}
