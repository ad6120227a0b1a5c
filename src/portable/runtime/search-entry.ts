/**
 * The search page's script in a portable archive, bundled as one classic script: the same
 * search UI as the hosted site, with Pagefind loaded from disk.
 */
import { startSearch } from '../../scripts/search/start-search.ts';
import { loadPortablePagefind } from './load-portable-pagefind.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) startSearch(root, loadPortablePagefind);
