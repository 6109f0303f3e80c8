import styles from './PreviewBanner.module.css';

/** Shown on the article a preview session renders, so a preview is never mistaken for the live site. */
export function PreviewBanner({ path }: { path: string }) {
  return (
    <div className={styles.banner} role="status">
      <strong>Preview</strong>
      <span>You are viewing unpublished changes.</span>
      <a href={`/api/preview/exit?path=${encodeURIComponent(path)}`}>Exit preview</a>
    </div>
  );
}
