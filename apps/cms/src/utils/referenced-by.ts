/**
 * How many referencing articles a change notification names (notify-site.ts). The site accepts
 * a 16 KB body; 50 slugs of up to 160 characters stay well inside it. Past the cap the CMS sends
 * the first 50 and `referencedByOverflow: true`, and the site then refreshes every article page
 * (its `articlePages` tag) as well, so an unpublished article never stays in a rail it cannot
 * name. Mirrors REFERENCED_BY_LIMIT in packages/content/src/revalidation.ts
 * (packages/content/tests/revalidation.test.ts imports both and checks they agree).
 */
export const REFERENCED_BY_LIMIT = 50;

export const capReferencedBy = (
  slugs: readonly string[],
): { referencedBy: string[]; referencedByOverflow: boolean } => ({
  referencedBy: slugs.slice(0, REFERENCED_BY_LIMIT),
  referencedByOverflow: slugs.length > REFERENCED_BY_LIMIT,
});
