import type { Article, AuthorRef } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import { formatDate, nameWithCredentials } from '@/lib/format';
import styles from './ArticleHeader.module.css';
import { IntentLink } from '@/components/site/IntentLink';

function PersonLink({ person }: { person: AuthorRef }) {
  return (
    <IntentLink href={`/authors/${person.slug}`} className={styles.person}>
      {nameWithCredentials(person)}
    </IntentLink>
  );
}

const wasUpdated = (article: Article) =>
  !article.publishedAt || formatDate(article.updatedAt) !== formatDate(article.publishedAt);

/** Topic eyebrow, the page's only H1, the standfirst, the byline with review credit, and dates. */
export function ArticleHeader({ article }: { article: Article }) {
  const primaryTopic = article.topics[0];
  return (
    <header className={styles.header}>
      {primaryTopic ? (
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <ol>
            <li>
              <IntentLink href="/">Home</IntentLink>
            </li>
            <li>
              <IntentLink href={`/topics/${primaryTopic.slug}`}>{primaryTopic.name}</IntentLink>
            </li>
          </ol>
        </nav>
      ) : null}
      <h1 className={styles.title}>{article.title}</h1>
      <p className={styles.standfirst}>{article.excerpt}</p>

      <div className={styles.byline}>
        {article.author?.avatar ? (
          <CmsImage image={article.author.avatar} width={48} className={styles.avatar} decorative />
        ) : null}
        <div className={styles.credits}>
          {article.author ? (
            <p className={styles.credit}>
              By <PersonLink person={article.author} />
              {article.author.roleTitle ? <span className={styles.role}>, {article.author.roleTitle}</span> : null}
            </p>
          ) : null}
          {article.reviewer ? (
            <p className={styles.credit}>
              <span className={styles.reviewed}>
                <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className={styles.check}>
                  <path d="M8 0.8 14.2 3.4v4.1c0 3.7-2.6 6.6-6.2 7.7C4.4 14.1 1.8 11.2 1.8 7.5V3.4L8 .8Zm-1 9.9 4.6-4.6-1.1-1.1L7 8.5 5.4 6.9 4.3 8l2.7 2.7Z" />
                </svg>
                Medically reviewed by
              </span>{' '}
              <PersonLink person={article.reviewer} />
            </p>
          ) : null}
        </div>
      </div>

      <dl className={styles.dates}>
        {article.publishedAt ? (
          <div>
            <dt>Published</dt>
            <dd>
              <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            </dd>
          </div>
        ) : null}
        {/* Only a substantive update after publication is news to a reader. */}
        {wasUpdated(article) ? (
          <div>
            <dt>Updated</dt>
            <dd>
              <time dateTime={article.updatedAt}>{formatDate(article.updatedAt)}</time>
            </dd>
          </div>
        ) : null}
        {article.lastReviewedAt ? (
          <div>
            <dt>Last reviewed</dt>
            <dd>
              <time dateTime={article.lastReviewedAt}>{formatDate(article.lastReviewedAt)}</time>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Reading time</dt>
          <dd>{article.readingMinutes} min read</dd>
        </div>
      </dl>
    </header>
  );
}
