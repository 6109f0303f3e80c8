import type { TopicSection as TopicSectionData } from '@nourish/content';
import { ArticleGrid } from '@/components/cards/ArticleGrid';
import styles from './Home.module.css';
import { IntentLink } from '@/components/site/IntentLink';

export function TopicSection({ section }: { section: TopicSectionData }) {
  const headingId = `topic-${section.topic.slug}-heading`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <div className="section-heading">
        <h2 id={headingId}>{section.heading}</h2>
        <IntentLink href={`/topics/${section.topic.slug}`}>
          More on {section.topic.name} <span aria-hidden="true">→</span>
        </IntentLink>
      </div>
      <ArticleGrid articles={section.articles} />
    </section>
  );
}
