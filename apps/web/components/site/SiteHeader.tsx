import Link from 'next/link';
import type { Topic } from '@nourish/content';
import { SearchForm } from './SearchForm';
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
        <ul className={`container ${styles.topics}`}>
          {topics.map((topic) => (
            <li key={topic.slug}>
              <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
