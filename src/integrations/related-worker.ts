/** Worker-thread entry of related papers: the build computes them off its main thread (see render-site.ts). */
import { relatedOfArchive } from '../lib/related-papers.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(relatedOfArchive);
