/** Base64 to bytes in the browser: the native decoder where there is one, else `atob`. */

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array };

/** The bytes `text` (standard base64) encodes. */
export function decodeBase64(text: string): Uint8Array {
  const native = (Uint8Array as WithFromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
