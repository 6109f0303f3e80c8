import type { Topic } from '@nourish/content';
import { SearchForm } from '@/components/site/SearchForm';
import { TopicLinks } from '@/components/site/TopicLinks';
import styles from './StatusPage.module.css';
import { IntentLink } from '@/components/site/IntentLink';

/** The 404 body: say what happened, then offer somewhere useful to go. */
export function NotFoundContent({ topics = [] }: { topics?: Topic[] }) {
  return (
    <div className={`container ${styles.page}`}>
      <p className={styles.code}>Error 404</p>
      <h1 className={styles.title}>We can’t find that page</h1>
      <p className={styles.lead}>
        The page may have moved, or the address may be mistyped. Try a search, or start from one of these.
      </p>
      <SearchForm id="not-found-search" label="Search for the page" />
      <TopicLinks topics={topics} className={styles.links}>
        <li>
          <IntentLink href="/">Home page and latest articles</IntentLink>
        </li>
      </TopicLinks>
    </div>
  );
}
