/** Site-wide settings: names, footer links, disclaimer, default SEO. */
import { cacheTags } from '../cache-tags';
import type { CmsClient, StrapiQuery } from '../client';
import type { SiteSettings } from '../domain';
import { MEDIA_FIELDS, SEO_FIELDS } from '../schemas/shared';
import { SITE_SETTING_FIELDS, siteSettingResponse } from '../schemas/site-setting';
import { toSafeLinks, toSeo } from './reshape';

export const siteSettingsQuery: StrapiQuery = {
  fields: [...SITE_SETTING_FIELDS],
  populate: {
    footerLinks: { fields: ['label', 'url'] },
    defaultSeo: { fields: [...SEO_FIELDS], populate: { shareImage: { fields: [...MEDIA_FIELDS] } } },
  },
};

export async function getSiteSettings(client: CmsClient): Promise<SiteSettings> {
  const { data } = await client.get('/site-setting', siteSettingsQuery, siteSettingResponse, {
    tags: [cacheTags.settings],
  });
  return {
    siteName: data.siteName,
    publisherName: data.publisherName,
    copyrightHolder: data.copyrightHolder,
    copyrightStartYear: data.copyrightStartYear,
    footerLinks: toSafeLinks(data.footerLinks),
    medicalDisclaimer: data.medicalDisclaimer?.trim() || null,
    defaultSeo: toSeo(data.defaultSeo, client.mediaUrl),
  };
}
