/** Worker-thread entry of an ingest: enriches entries and writes their files' text (src/pipeline/emit/emit-papers.ts). */
import { emitPaperFiles } from '../pipeline/emit/emit-papers.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(emitPaperFiles);
