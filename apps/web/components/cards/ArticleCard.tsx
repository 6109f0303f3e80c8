import type { ArticleSummary } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import { formatDate } from '@/lib/format';
import styles from './ArticleCard.module.css';
import { IntentLink } from '@/components/site/IntentLink';

type Props = {
  article: ArticleSummary;
  headingLevel?: 2 | 3;
  /** `lead`: the large first card of a featured block; `row`: thumbnail beside text (search); `compact`: text only. */
  variant?: 'default' | 'lead' | 'row' | 'compact';
  sizes?: string;
};

export function ArticleCard({
  article,
  headingLevel = 3,
  variant = 'default',
  sizes = '(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw',
}: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    // The default look is `.card` alone (an empty `.default` rule would be dropped from the CSS, and
    // its class printed as "undefined").
    <article className={variant === 'default' ? styles.card : `${styles.card} ${styles[variant]}`}>
      {variant === 'compact' ? null : article.cover ? (
        <CmsImage image={article.cover} sizes={sizes} className={styles.image} decorative />
      ) : (
        // Keeps the grid's rhythm when an article has no cover.
        <div className={`${styles.image} ${styles.placeholder}`} aria-hidden="true" />
      )}
      <div className={styles.body}>
        <Heading className={styles.title}>
          {/* The link's ::after covers the card, so the whole card is one click target and one tab stop. */}
          <IntentLink href={`/articles/${article.slug}`} className={styles.link}>
            {article.title}
          </IntentLink>
        </Heading>
        {variant !== 'compact' ? <p className={styles.excerpt}>{article.excerpt}</p> : null}
        {article.publishedAt ? (
          <p className={styles.meta}>
            <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
          </p>
        ) : null}
      </div>
    </article>
  );
}
