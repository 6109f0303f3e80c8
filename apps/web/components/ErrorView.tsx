import styles from './StatusPage.module.css';

type Props = { retry?: () => void; digest?: string | undefined };

/**
 * Shown when a page cannot be rendered (typically the CMS is unreachable and nothing is cached
 * yet). Works without JavaScript: the reload link is a plain link to the current page.
 */
export function ErrorView({ retry, digest }: Props) {
  return (
    <div className={`container ${styles.page}`}>
      <p className={styles.code}>Temporary problem</p>
      <h1 className={styles.title}>This page is not available right now</h1>
      <p className={styles.lead}>
        Something went wrong on our side while loading this page. Please try again in a moment.
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
      {digest ? <p className={styles.digest}>Reference: {digest}</p> : null}
    </div>
  );
}
