import { stat } from 'node:fs/promises';

/** True when something exists at `path` (file or folder). */
export const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );
