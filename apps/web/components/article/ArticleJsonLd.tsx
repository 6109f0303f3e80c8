import type { Article, SiteSettings } from '@nourish/content';
import { JsonLd } from '@/components/JsonLd';
import { absoluteUrl, siteUrl } from '@/lib/env';
import { articleJsonLd, breadcrumbJsonLd } from '@/lib/json-ld';
import { publicImageUrl } from '@/lib/seo';

/** `MedicalWebPage` + `Article` and `BreadcrumbList` for one article. */
export function ArticleJsonLd({ article, settings }: { article: Article; settings: SiteSettings }) {
  const url = absoluteUrl(`/articles/${article.slug}`);
  const image = article.seo.shareImage ?? article.cover;
  const topic = article.topics[0];
  return (
    <>
      <JsonLd
        data={articleJsonLd({
          article,
          settings,
          origin: siteUrl(),
          url,
          imageUrl: image ? publicImageUrl(image) : null,
        })}
      />
      <JsonLd
        data={breadcrumbJsonLd([
          { name: 'Home', url: absoluteUrl('/') },
          ...(topic ? [{ name: topic.name, url: absoluteUrl(`/topics/${topic.slug}`) }] : []),
          { name: article.title, url },
        ])}
      />
    </>
  );
}
