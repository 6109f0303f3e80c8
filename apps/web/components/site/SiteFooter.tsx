import type { SiteSettings, Topic } from '@nourish/content';
import { copyrightLine } from '@/lib/format';
import { TopicLinks } from './TopicLinks';
import styles from './SiteFooter.module.css';
import { IntentLink } from './IntentLink';

type Props = { settings: SiteSettings; topics: Topic[] };

/** A path ending in a file extension (/feed.xml, /sitemap.xml) rather than a page route. */
const isDocumentPath = (href: string): boolean => /\.[a-z0-9]+$/i.test(href.split(/[?#]/)[0] ?? '');

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
          <TopicLinks topics={topics} className={styles.links} />
        </nav>
        <nav aria-labelledby="footer-about">
          <h2 id="footer-about" className={`caps ${styles.heading}`}>
            {settings.publisherName}
          </h2>
          <ul className={styles.links}>
            {settings.footerLinks.map((link) => (
              <li key={`${link.label}-${link.href}`}>
                {/* Feeds and sitemaps are documents, not pages: a Link would prefetch them. */}
                {link.external || isDocumentPath(link.href) ? (
                  <a href={link.href} rel="noopener noreferrer">
                    {link.label}
                  </a>
                ) : (
                  <IntentLink href={link.href}>{link.label}</IntentLink>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <div className={`container ${styles.legal}`}>
        <p>{copyrightLine(settings.copyrightStartYear, settings.copyrightHolder)}</p>
      </div>
    </footer>
  );
}
