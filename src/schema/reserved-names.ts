/**
 * Names no file or folder of an archive may have, whatever made them: Windows refuses its
 * device names in any case and with any extension (`con.txt` and `NUL.tar.gz` are the devices
 * too), so a site holding one cannot be unzipped, checked out or synced there.
 */

/** The device names, with the digits and superscripts Windows reserves after COM and LPT, then an optional extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$) *(?:\..*)?$/isu;

/** True when `segment` (one file or folder name, such as `nul` or `Con.txt`) names a Windows device. */
export function isWindowsDevice(segment: string): boolean {
  return WINDOWS_DEVICE.test(segment);
}
