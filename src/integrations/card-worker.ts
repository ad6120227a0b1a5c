/** Worker-thread entry of the link-preview cards: draws the cards `writeCards` sends it. */
import { writeCardFiles } from '../pipeline/cards/write-card-files.ts';
import { serveChunks } from './worker-pool.ts';

serveChunks(writeCardFiles);
