/**
 * The search page's script in a portable archive, bundled as one classic script: the same
 * search UI as the hosted site, with Pagefind loaded from disk, and links that name the page's
 * `index.html`, which a folder URL on disk would not open.
 */
import { startSearch } from '../../scripts/search/start-search.ts';
import { withIndexHtml } from '../with-index-html.ts';
import { loadPortablePagefind } from './load-portable-pagefind.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) startSearch(root, loadPortablePagefind, withIndexHtml);
