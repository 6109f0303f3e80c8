import Link from 'next/link';
import type { Topic } from '@nourish/content';
import { SearchForm } from './SearchForm';
import { TopicLinks } from './TopicLinks';
import styles from './SiteHeader.module.css';

type Props = { siteName: string; topics: Topic[] };

export function SiteHeader({ siteName, topics }: Props) {
  return (
    <header className={styles.header}>
      <div className={`container ${styles.bar}`}>
        <Link href="/" className={styles.brand}>
          {siteName}
        </Link>
        <SearchForm id="site-search" label="Site search" compact />
      </div>
      <nav aria-label="Topics" className={styles.nav}>
        <TopicLinks topics={topics} className={`container ${styles.topics}`} />
      </nav>
    </header>
  );
}
