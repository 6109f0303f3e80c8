/**
 * Every spelling of Strapi's `populate` parameter, read into one tree so the policies can judge
 * what a request would load: `*`, `a,b.c` strings, arrays of dotted paths, objects whose values
 * are `true`/`'true'`/`false` or option objects (`fields`, `populate`, `on` fragments for dynamic
 * zones, `filters`, `sort`, ...). Anything Strapi would not read as a populate is a 400 here too.
 */
import { errors } from '@strapi/utils';

export type PopulateBranch = {
  /** Where this branch sits, in dotted form (`author.avatar`, `body[content.figure].image`). */
  path: string;
  /** Option keys given for this attribute (`fields`, `filters`, `sort`, ...). */
  options: Set<string>;
  /** `*`: every relation at this level. */
  wildcard: boolean;
  /** Populated attributes below this one. */
  children: Map<string, PopulateBranch>;
  /** Dynamic-zone fragments (`on`), by component uid. */
  fragments: Map<string, PopulateBranch>;
};

const TRUE = new Set(['true', '1', 't']);
const FALSE = new Set(['false', '0', 'f']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const branch = (path: string): PopulateBranch => ({
  path,
  options: new Set(),
  wildcard: false,
  children: new Map(),
  fragments: new Map(),
});

const childPath = (parent: PopulateBranch, key: string) => (parent.path ? `${parent.path}.${key}` : key);

const child = (parent: PopulateBranch, key: string) => {
  let found = parent.children.get(key);
  if (!found) parent.children.set(key, (found = branch(childPath(parent, key))));
  return found;
};

const invalid = (path: string, message: string) =>
  new errors.ValidationError(`Invalid populate${path ? ` at "${path}"` : ''}: ${message}`, { param: 'populate', path });

/** `author.avatar`: one branch per segment; `*` as a segment means every relation there. */
const addDottedPath = (into: PopulateBranch, dotted: string) => {
  let at = into;
  for (const segment of dotted.split('.').map((s) => s.trim())) {
    if (segment === '') continue;
    if (segment === '*') {
      at.wildcard = true;
      return;
    }
    at = child(at, segment);
  }
};

/** The value of a `populate` key (at the root or nested in an attribute's options). */
const addPopulate = (into: PopulateBranch, value: unknown) => {
  if (value === '*') {
    into.wildcard = true;
  } else if (typeof value === 'string') {
    for (const part of value.split(',')) addDottedPath(into, part);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'string') throw invalid(into.path, 'a populate list holds attribute paths only');
      for (const part of item.split(',')) addDottedPath(into, part);
    }
  } else if (isPlainObject(value)) {
    for (const [key, sub] of Object.entries(value)) {
      if (key === '*') {
        if (sub !== false && !FALSE.has(String(sub))) into.wildcard = true;
        continue;
      }
      const target = child(into, key);
      if (!addAttribute(target, sub)) into.children.delete(key);
    }
  } else if (value !== undefined) {
    throw invalid(into.path, 'expected "*", attribute names or an object');
  }
};

/** The value given for one attribute; false when it asks for nothing (`false`). */
const addAttribute = (target: PopulateBranch, value: unknown): boolean => {
  if (value === true || (typeof value === 'string' && TRUE.has(value))) return true;
  if (value === false || (typeof value === 'string' && FALSE.has(value))) return false;
  if (value === '*') {
    target.wildcard = true;
    return true;
  }
  if (!isPlainObject(value)) throw invalid(target.path, 'expected true, false or an object of options');
  for (const [option, sub] of Object.entries(value)) {
    target.options.add(option);
    if (option === 'populate') addPopulate(target, sub);
    else if (option === 'on') {
      if (!isPlainObject(sub)) throw invalid(target.path, '"on" expects an object of component fragments');
      for (const [component, fragment] of Object.entries(sub)) {
        let at = target.fragments.get(component);
        if (!at) target.fragments.set(component, (at = branch(`${target.path}[${component}]`)));
        if (!addAttribute(at, fragment)) target.fragments.delete(component);
      }
    }
  }
  return true;
};

/** Reads a request's `populate` query value into a tree rooted at the requested type. */
export const readPopulate = (value: unknown): PopulateBranch => {
  const root = branch('');
  addPopulate(root, value);
  return root;
};

/** How many attribute levels the populate loads (fragments are not a level; `*` is one). */
export const populateDepth = (at: PopulateBranch): { depth: number; path: string } => {
  let deepest = { depth: at.wildcard ? 1 : 0, path: at.wildcard ? childPath(at, '*') : at.path };
  for (const next of at.children.values()) {
    const below = populateDepth(next);
    if (below.depth + 1 > deepest.depth) deepest = { depth: below.depth + 1, path: below.path };
  }
  for (const fragment of at.fragments.values()) {
    const below = populateDepth(fragment);
    if (below.depth > deepest.depth) deepest = below;
  }
  return deepest;
};
