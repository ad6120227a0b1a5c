/** The reader's light/dark choice as stored in `localStorage`. Pure. */

/** A theme the reader can choose. */
export type Theme = 'light' | 'dark';

/** The `localStorage` key holding the choice; absent means "follow the system". */
export const THEME_KEY = 'papershelf-theme';

/** The stored choice, or null for none (or for anything else found under the key). */
export const storedTheme = (value: string | null): Theme | null => (value === 'light' || value === 'dark' ? value : null);

/** The theme a press on the switch chooses: the opposite of the one shown. */
export const otherTheme = (shown: Theme): Theme => (shown === 'dark' ? 'light' : 'dark');
