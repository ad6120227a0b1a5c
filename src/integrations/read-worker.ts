/** Worker-thread entry of reading an archive: parses the paper files `readArchiveData` sends it. */
import { parsePaperFiles } from '../lib/read-archive.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(parsePaperFiles);
