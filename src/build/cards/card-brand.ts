/** What the cards say and show of the archive itself, from the settings (papershelf.config.mjs). Pure. */
import { DEFAULT_ACCENT, DEFAULT_DESCRIPTION } from '../../settings/config-schema.ts';
import { hexRgb } from '../../settings/css-colour.ts';
import type { Settings } from '../../settings/settings.ts';
import { DEFAULT_CARD_BRAND, type CardBrand } from './card-layout.ts';

/**
 * The archive's name, what it is (Papershelf's own line without a description of its own), and
 * its accent when that is a hex colour: the cards' 4-bit palette takes a colour of plain red,
 * green and blue, so any other notation leaves them Papershelf's blue.
 */
export function cardBrand(settings: Pick<Settings, 'title' | 'description' | 'accentColor'>): CardBrand {
  const accent = settings.accentColor.toLowerCase() === DEFAULT_ACCENT ? null : hexRgb(settings.accentColor);
  return {
    title: settings.title,
    description: settings.description === DEFAULT_DESCRIPTION ? DEFAULT_CARD_BRAND.description : settings.description.replace(/\.$/, ''),
    ...(accent ? { accent } : {}),
  };
}
