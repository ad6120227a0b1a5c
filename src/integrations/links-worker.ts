/** Worker-thread entry of the link check (src/links/): checks the files `checkLinks` sends it. */
import { checkLinkFiles } from '../links/check-link-files.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(checkLinkFiles);
