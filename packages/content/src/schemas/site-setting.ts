/** Site settings single type (`api::site-setting.site-setting`). */
import { z } from 'zod';
import { linkSchema, seoSchema, singleResponse } from './shared';

export const SITE_SETTING_FIELDS = [
  'siteName',
  'publisherName',
  'copyrightHolder',
  'copyrightStartYear',
  'medicalDisclaimer',
] as const;

export const siteSettingSchema = z.object({
  siteName: z.string().min(1),
  publisherName: z.string().min(1),
  copyrightHolder: z.string().min(1),
  copyrightStartYear: z.number().int().min(1990).max(2100),
  medicalDisclaimer: z.string().nullable().optional(),
  footerLinks: z.array(linkSchema).nullable().optional(),
  defaultSeo: seoSchema.nullable().optional(),
});
export type RawSiteSetting = z.output<typeof siteSettingSchema>;

export const siteSettingResponse = singleResponse(siteSettingSchema);
