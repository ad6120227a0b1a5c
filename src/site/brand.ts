/**
 * What every page shows of the archive itself — its name, colours, icon, logo, footer, the
 * owner's `<head>` elements and which optional parts pages show — made from the settings once
 * and handed to Astro in the render job. Pure.
 */
import { extname } from 'node:path';
import { DEFAULT_ACCENT, type HeadElement, type ShowSettings } from '../settings/config-schema.ts';

/** The site's own branding, as pages use it. (A type, not an interface: it travels in JSON.) */
export type Brand = {
  readonly title: string;
  readonly description: string;
  readonly accentColor: string;
  readonly themeColor: string;
  /** The logo's path below the base, or null for none. */
  readonly logo: string | null;
  /** The favicon's path below the base. */
  readonly favicon: string;
  readonly head: readonly HeadElement[];
  readonly footer: string | null;
  readonly show: ShowSettings;
};

/** The settings a brand is made from (those of `Settings`, src/settings/settings.ts, named here so pages need not import it). */
export type BrandSettings = Omit<Brand, 'logo' | 'favicon'> & {
  /** The logo and favicon files, absolute, or null. */
  readonly logo: string | null;
  readonly favicon: string | null;
};

/** Papershelf's own icon, copied from public/ by Astro. */
const DEFAULT_FAVICON = 'favicon.svg';

/** The files the owner's config names, each with the path it is copied to below the base. */
export function brandFiles(settings: Pick<BrandSettings, 'logo' | 'favicon'>): { from: string; path: string }[] {
  return [
    ...(settings.logo ? [{ from: settings.logo, path: `site-logo${extname(settings.logo).toLowerCase()}` }] : []),
    ...(settings.favicon ? [{ from: settings.favicon, path: `site-icon${extname(settings.favicon).toLowerCase()}` }] : []),
  ];
}

/** The branding of `settings`. */
export function brandOf(settings: BrandSettings): Brand {
  const files = brandFiles(settings);
  return {
    title: settings.title,
    description: settings.description,
    accentColor: settings.accentColor,
    themeColor: settings.themeColor,
    logo: settings.logo ? files[0]!.path : null,
    favicon: settings.favicon ? files.at(-1)!.path : DEFAULT_FAVICON,
    head: settings.head,
    footer: settings.footer,
    show: settings.show,
  };
}

/**
 * The custom properties that carry the accent colour into src/styles/site.css, or undefined for
 * the default, which the stylesheet holds. The dark theme gets the colour mixed with white, so
 * links stay readable on the dark background; contrast of a custom colour is the owner's to check.
 */
export function accentStyle(accent: string): string | undefined {
  if (accent.toLowerCase() === DEFAULT_ACCENT) return undefined;
  const dark = `color-mix(in oklab, ${accent} 45%, white)`;
  return `--accent: light-dark(${accent}, ${dark}); --focus: light-dark(${accent}, ${dark})`;
}

/** The media type of an icon file, from its name, for `<link rel="icon">` and the manifest. */
export function iconType(path: string): string {
  const types: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webp': 'image/webp' };
  return types[extname(path).toLowerCase()] ?? 'image/png';
}
