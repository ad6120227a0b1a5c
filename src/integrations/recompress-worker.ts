/** Worker-thread entry of the search bundle's second gzip: recompresses the files `recompressBundle` sends it. */
import { recompressFiles } from '../search-index/recompress-bundle.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(recompressFiles);
