/**
 * Human labels and help text for the admin's edit views (Strapi shows raw field names otherwise).
 * Stored in the content manager's configuration at boot, only where they differ, so layout
 * changes editors make in the admin are kept.
 */
import type { Core, UID } from '@strapi/strapi';

/** `editable: false` shows the field read-only (the server owns it). */
type Help = { label: string; description?: string; editable?: boolean };

export const ADMIN_LABELS: Record<string, Record<string, Help>> = {
  'api::article.article': {
    title: { label: 'Title' },
    slug: {
      label: 'Slug',
      description: 'The URL: /articles/<slug>. Changing it after publishing leaves a redirect behind.',
    },
    excerpt: {
      label: 'Standfirst',
      description: 'One or two sentences under the title; also the default search description.',
    },
    cover: { label: 'Cover image' },
    coverAlt: { label: 'Cover alt text', description: 'What the cover shows, for readers using screen readers.' },
    body: { label: 'Body' },
    author: { label: 'Author' },
    reviewer: { label: 'Medical reviewer', description: 'Required before publishing in a health topic.' },
    lastReviewedAt: { label: 'Last reviewed' },
    nextReviewDue: { label: 'Next review due', description: 'Must be after the last review.' },
    firstPublishedAt: { label: 'First published', description: 'Set on first publish; readers see this date.' },
    contentUpdatedAt: {
      label: 'Updated (shown to readers)',
      description: 'Moves on a substantive update only; correct it here if needed.',
    },
    updateKind: {
      label: 'This publish is',
      description:
        'detect: a change to title, standfirst, body or references moves "Updated"; minor: a typo fix that does not; substantive: moves it anyway; correction: substantive, needs a change note.',
    },
    changeNote: {
      label: 'Change note',
      description: 'One line for the article history on the next publish (required for a correction).',
    },
    reviewRequired: {
      label: 'Review required',
      description: 'Set when a substantive update is published after the last sign-off; cleared by a sign-off.',
      editable: false,
    },
    reviewedContentHash: { label: 'Reviewed content (fingerprint)', editable: false },
    scheduledPublishAt: { label: 'Publish at', description: 'Publishes automatically at this time.' },
    scheduledUnpublishAt: { label: 'Unpublish at', description: 'Takes the article down automatically at this time.' },
    topics: { label: 'Topics' },
    references: { label: 'References' },
    seo: { label: 'Search and social' },
    recommended: {
      label: 'Recommended for you',
      description: 'Shown above the article in this order: pick an article, or give an external URL and its label.',
    },
    alsoLikePinned: { label: 'You may also like: pinned first' },
    alsoLikeExcluded: { label: 'You may also like: never show' },
  },
  'related.recommended-item': {
    article: { label: 'Article' },
    url: { label: 'External URL', description: 'Only when no article is picked.' },
    label: { label: 'Link label' },
  },
  'related.article-pick': { article: { label: 'Article' } },
  'api::author.author': {
    medicalReviewer: { label: 'Medical reviewer', description: 'May be chosen as the reviewer of health articles.' },
    adminEmail: {
      label: 'Admin account (email)',
      description: 'The admin user who signs off reviews as this author (Super Admins set it).',
    },
    roleTitle: { label: 'Role' },
  },
  'api::topic.topic': {
    reviewIntervalMonths: {
      label: 'Review interval (months)',
      description: 'A sign-off schedules the next review this far ahead; with several topics the shortest applies.',
    },
  },
  'api::site-setting.site-setting': {
    defaultRecommended: { label: 'Default "Recommended for you"', description: 'Used for articles that have none.' },
    copyrightStartYear: { label: 'Copyright start year' },
  },
};

type Metadata = { edit?: Record<string, unknown>; list?: Record<string, unknown> };
type Configuration = { settings: unknown; metadatas: Record<string, Metadata>; layouts: unknown };
type ConfigService = {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Omit<Configuration, never>): Promise<unknown>;
};

export const applyAdminLabels = async (strapi: Core.Strapi) => {
  const contentManager = strapi.plugin('content-manager');
  for (const [uid, fields] of Object.entries(ADMIN_LABELS)) {
    const service = contentManager.service(
      uid.includes('::') ? 'content-types' : 'components',
    ) as unknown as ConfigService;
    const model = { uid: uid as UID.Schema };
    const { settings, metadatas, layouts } = await service.findConfiguration(model);
    let changed = false;
    for (const [field, help] of Object.entries(fields)) {
      const meta = metadatas[field];
      if (!meta?.edit) continue;
      if (
        meta.edit.label !== help.label ||
        (help.description && meta.edit.description !== help.description) ||
        (help.editable !== undefined && meta.edit.editable !== help.editable)
      ) {
        meta.edit = {
          ...meta.edit,
          label: help.label,
          ...(help.description ? { description: help.description } : {}),
          ...(help.editable !== undefined ? { editable: help.editable } : {}),
        };
        if (meta.list) meta.list = { ...meta.list, label: help.label };
        changed = true;
      }
    }
    if (changed) await service.updateConfiguration(model, { settings, metadatas, layouts });
  }
};
