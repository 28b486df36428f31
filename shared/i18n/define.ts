/** Dutch and English texts of one area, checked to have the same keys. */
export function defineMessages<T>(messages: { nl: T; en: NoInfer<T> }): { nl: T; en: T } {
  return messages;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

type Tree = { [key: string]: string | Tree };

function deepMerge(target: Tree, source: Tree): Tree {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(value)) target[key] = [...value] as unknown as Tree;
    else if (typeof value === 'object' && typeof existing === 'object') deepMerge(existing, value);
    else target[key] = typeof value === 'object' ? deepMerge({}, value) : value;
  }
  return target;
}

/** Merges the areas' texts; areas may share a group (e.g. each adds its own `nav` entry). */
export function mergeMessages<A extends ReadonlyArray<{ nl: unknown; en: unknown }>>(areas: A, language: 'nl' | 'en'): UnionToIntersection<A[number][typeof language]> {
  const merged: Tree = {};
  for (const area of areas) deepMerge(merged, area[language] as Tree);
  return merged as UnionToIntersection<A[number][typeof language]>;
}
