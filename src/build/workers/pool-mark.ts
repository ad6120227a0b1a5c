/** Marks a thread as one of the pool's, so the entry file loaded anywhere else stays idle. */
export const POOL_MARK = 'papershelf.worker-pool';
