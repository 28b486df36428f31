/**
 * Texts for people from the shared catalogue, outside React: the pure formatters in shared/ take a
 * `Words`, so the renderer hands them i18next (the language the user chose) and the backend and tests
 * a translator over the same messages. Same rules as our i18next set-up: `{{name}}` placeholders, and
 * `key_one` / `key_other` when a `count` is given.
 */
export interface Words {
  t(key: string, params?: Record<string, unknown>): string;
  /** Whether the catalogue has the key (optional texts, e.g. a label for a value). */
  has(key: string): boolean;
}

type Tree = { [key: string]: unknown };

function lookup(messages: Tree, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

function interpolate(text: string, params: Record<string, unknown> | undefined): string {
  if (!params) return text;
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name] ?? '') : whole));
}

/** A translator over one language's merged messages (shared/i18n/nl.ts or en.ts). */
export function wordsFrom(messages: object): Words {
  const tree = messages as Tree;
  const find = (key: string, params?: Record<string, unknown>): string | undefined => {
    if (params && typeof params.count === 'number') {
      const plural = lookup(tree, `${key}_${params.count === 1 ? 'one' : 'other'}`);
      if (typeof plural === 'string') return plural;
    }
    const value = lookup(tree, key);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    t: (key, params) => interpolate(find(key, params) ?? key, params),
    has: (key) => find(key) !== undefined,
  };
}
