/** The offline page: shows what saving costs, saves with progress, and says what is saved. */
import { registerWorker } from './register-worker.ts';
import { loadSummary, removeSaved, saveArchive, savedState, type OfflineSummary } from './save-archive.ts';
import { requiredElement } from '../required-element.ts';

const NUMBER = new Intl.NumberFormat('en-GB');
const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** Wires up the offline page inside `root` (the element with `data-offline`). */
export async function startOffline(root: HTMLElement): Promise<void> {
  const base = root.dataset['base'] ?? '/';
  const size = requiredElement<HTMLElement>(root, '[data-offline-size]');
  const status = requiredElement<HTMLElement>(root, '[data-offline-status]');
  const save = requiredElement<HTMLButtonElement>(root, '[data-offline-save]');
  const remove = requiredElement<HTMLButtonElement>(root, '[data-offline-remove]');
  const bar = requiredElement<HTMLProgressElement>(root, '[data-offline-progress]');
  const progressText = requiredElement<HTMLElement>(root, '[data-offline-progress-text]');

  if (!('caches' in window) || !('serviceWorker' in navigator)) {
    status.textContent =
      'This browser cannot keep pages for offline reading (it has no service workers). Download the portable archive instead.';
    return;
  }
  save.hidden = false;
  size.textContent = 'Checking the archive’s size…';
  await registerWorker(base);
  let summary: OfflineSummary;
  try {
    summary = await loadSummary(base);
  } catch {
    status.textContent = 'You are offline, so the archive’s size cannot be checked now. Pages saved earlier can still be read.';
    return;
  }
  size.textContent = `The whole archive — ${NUMBER.format(summary.papers)} papers, the search index and everything they need — is ${megabytes(summary.bytes)} in ${NUMBER.format(summary.files)} files.`;

  const showState = async () => {
    const { saved, older } = await savedState(summary, base);
    status.textContent = saved
      ? 'Saved: this archive, search included, can be read on this device with no network.'
      : older
        ? 'A copy of an earlier version was saved; save again to bring it up to date.'
        : 'Not saved yet. Pages you read are kept as you go; save to keep everything.';
    save.textContent = saved ? 'Saved for offline' : `Save for offline (${megabytes(summary.bytes)})`;
    save.disabled = saved;
    remove.hidden = !saved && !older;
  };

  save.addEventListener('click', async () => {
    save.disabled = true;
    bar.hidden = false;
    bar.max = summary.bytes;
    const result = await saveArchive(summary, base, (progress) => {
      bar.value = progress.doneBytes;
      progressText.textContent = `${megabytes(progress.doneBytes)} of ${megabytes(summary.bytes)} (${NUMBER.format(progress.doneFiles)} of ${NUMBER.format(summary.files)} files)`;
    });
    progressText.textContent =
      result.failed > 0
        ? `${NUMBER.format(result.failed)} files could not be downloaded; check the connection and save again.`
        : `Done: ${megabytes(summary.bytes)} saved.`;
    await showState();
  });
  remove.addEventListener('click', async () => {
    await removeSaved(base);
    progressText.textContent = 'The saved copy was removed.';
    bar.hidden = true;
    await showState();
  });
  await showState();
}
