import type { Topic } from '@nourish/content';
import { SearchForm } from './SearchForm';
import { TopicLinks } from './TopicLinks';
import styles from './SiteHeader.module.css';
import { IntentLink } from './IntentLink';

type Props = { siteName: string; topics: Topic[] };

export function SiteHeader({ siteName, topics }: Props) {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <IntentLink href="/" className={styles.brand}>
          {siteName}
        </IntentLink>
        <SearchForm id="site-search" label="Site search" compact />
      </div>
      <nav aria-label="Topics" className={styles.nav}>
        <TopicLinks topics={topics} className={`container ${styles.topics}`} />
      </nav>
    </header>
  );
}
