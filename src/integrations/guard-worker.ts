/** Worker-thread entry of the markup guard: checks the pages `guardHtml` sends it. */
import { checkPages } from './check-pages.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(checkPages);
