/** Worker-thread entry of the offline files: digests the files `writeOfflineFiles` sends it. */
import { digestFiles } from './digest-files.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(digestFiles);
