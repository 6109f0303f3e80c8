/**
 * Every spelling of `status` that Strapi 5 reads as "drafts": it treats anything but exactly
 * `published` as draft. The CMS refuses each of them (403) to anyone without the site's token; the
 * CMS API suite and the e2e security suite both probe with this list.
 */
export const DRAFT_STATUS_SPELLINGS = [
  'status=draft',
  'status=DRAFT',
  'status=Draft',
  'status=x',
  'status=',
  'status=Published',
  'status=PUBLISHED',
  'status[0]=draft',
  'status[]=published&status[]=draft',
  'status[draft]=1',
  'status[$eq]=draft',
] as const;
