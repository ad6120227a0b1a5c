// Unhides the [data-copy] buttons; each copies its element's text.
document.querySelectorAll('[data-copy]').forEach((button) => {
  const status = button.parentNode.querySelector('[role=status]');
  button.hidden = false;
  button.onclick = async () => {
    const text = document.getElementById(button.dataset.copy);
    status.textContent = '';
    try {
      await navigator.clipboard.writeText(text.textContent);
      status.textContent = 'Copied';
    } catch {
      getSelection().selectAllChildren(text);
      status.textContent = document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C';
    }
  };
});
