import Link from 'next/link';
import type { SiteSettings, Topic } from '@nourish/content';
import { copyrightLine } from '@/lib/format';
import styles from './SiteFooter.module.css';

type Props = { settings: SiteSettings; topics: Topic[] };

export function SiteFooter({ settings, topics }: Props) {
  return (
    <footer className={styles.footer}>
      <div className={`container ${styles.grid}`}>
        <div>
          <p className={styles.brand}>{settings.siteName}</p>
          <p className={styles.tagline}>
            Evidence-based nutrition and health guides, written by specialists and reviewed by clinicians.
          </p>
        </div>
        <nav aria-labelledby="footer-topics">
          <h2 id="footer-topics" className={`caps ${styles.heading}`}>
            Browse by topic
          </h2>
          <ul className={styles.links}>
            {topics.map((topic) => (
              <li key={topic.slug}>
                <Link href={`/topics/${topic.slug}`}>{topic.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="footer-about">
          <h2 id="footer-about" className={`caps ${styles.heading}`}>
            {settings.publisherName}
          </h2>
          <ul className={styles.links}>
            {settings.footerLinks.map((link) => (
              <li key={`${link.label}-${link.href}`}>
                {link.external ? (
                  <a href={link.href} rel="noopener noreferrer">
                    {link.label}
                  </a>
                ) : (
                  <Link href={link.href}>{link.label}</Link>
                )}
              </li>
            ))}
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
          </ul>
        </nav>
      </div>
      <div className={`container ${styles.legal}`}>
        <p>{copyrightLine(settings.copyrightStartYear, settings.copyrightHolder)}</p>
      </div>
    </footer>
  );
}
