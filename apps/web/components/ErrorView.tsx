import { CMS_UNAVAILABLE_DIGEST } from '@/lib/availability';
import styles from './StatusPage.module.css';

type Props = { retry?: () => void; digest?: string | undefined };

/**
 * Shown when a page cannot be rendered. When the CMS is unavailable and nothing is cached yet
 * (digest CMS_UNAVAILABLE; the server sends 503 + Retry-After) the reader is told to come back in
 * a minute; any other failure shows its log reference. Works without JavaScript: the reload
 * link is a plain link to the current page.
 */
export function ErrorView({ retry, digest }: Props) {
  const unavailable = digest === CMS_UNAVAILABLE_DIGEST;
  return (
    <div className={`container ${styles.page}`}>
      <p className={styles.code}>Temporary problem</p>
      <h1 className={styles.title}>This page is not available right now</h1>
      <p className={styles.lead}>
        {unavailable
          ? 'Our content service is not answering at the moment. Please try again in a minute.'
          : 'Something went wrong on our side while loading this page. Please try again in a moment.'}
      </p>
      <p className={styles.actions}>
        {retry ? (
          <button type="button" onClick={retry} className={styles.button}>
            Try again
          </button>
        ) : null}
        {/* A full page load: after an error the client router's state is not to be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a href="/">Go to the home page</a>
      </p>
      {digest && !unavailable ? <p className={styles.digest}>Reference: {digest}</p> : null}
    </div>
  );
}
