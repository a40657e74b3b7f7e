/**
 * What an API key may look like when a user enters it, decided once for the form and for the IPC contract
 * (zod-free, so the renderer bundles it). A control character (CR, LF, NUL, tab, any C0 or DEL) is refused,
 * never stripped: a key that was silently changed would fail later with no hint why.
 */
export const apiKeyControlCharacterMessage =
  'The API key contains a control character (such as a line break or a tab). Copy the key again, without it.';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacter = /[\u0000-\u001f\u007f]/;

export function hasControlCharacter(text: string): boolean {
  return controlCharacter.test(text);
}

/** Spaces around a pasted key go; anything else is the user's to see (and is refused if it is a control). */
export function trimSpaces(text: string): string {
  return text.replace(/^ +| +$/g, '');
}
