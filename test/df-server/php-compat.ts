// PHP semantics DF relies on and a faithful server must reproduce (boolval, empty, htmlentities).

/** PHP boolval(): the string "false" is truthy, "0" and "" are falsy. */
export function phpBoolval(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value !== '' && value !== '0';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** PHP empty() for request inputs: missing, "", "0", 0, false, null and [] count as absent. */
export function phpEmpty(value: unknown): boolean {
  return !phpBoolval(value);
}

/** htmlentities() as DF applies it to error messages: double quotes encoded, single quotes kept (ENT_COMPAT). */
export function htmlEntities(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
