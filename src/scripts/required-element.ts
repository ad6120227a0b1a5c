/** The element matching `selector` inside `root`; a page built without it is a bug, so this throws. */
export function requiredElement<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the page is missing ${selector}`);
  return found;
}
