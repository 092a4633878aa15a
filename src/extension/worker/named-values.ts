// An object crosses from the worker as the array of its values when its chunk names its keys once (row-chunks.ts):
// every engine row, and every row's details, has the same keys in the same order, and the key names were about half
// of the text the extension host keeps.

/** An object's JSON: the array of its values (`keys`: its keys joined with commas), or itself (`keys` ''). */
export interface NamedValues {
  keys: string;
  json: string;
}

export function namedValues(obj: object | null): NamedValues {
  if (obj === null) return { keys: '', json: 'null' };
  const values: unknown[] = Object.values(obj);
  // JSON drops an undefined property but writes an undefined array element as null: such an object stays an object
  if (values.includes(undefined)) return { keys: '', json: JSON.stringify(obj) };
  return { keys: Object.keys(obj).join(','), json: JSON.stringify(values) };
}

/** The object of a parsed value: its values named by `keys` (in order), or the value itself (an object, null). */
export function objectOf<T>(value: unknown, keys: readonly string[]): T {
  if (!Array.isArray(value)) return value as T;
  const out: Record<string, unknown> = {};
  for (let k = 0; k < keys.length; k++) out[keys[k]!] = value[k];
  return out as T;
}
