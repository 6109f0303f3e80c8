import styles from './SearchForm.module.css';

type Props = {
  defaultValue?: string;
  id: string;
  compact?: boolean;
  /** Names the search landmark; pages with two search forms need distinct names. */
  label: string;
};

/** A plain GET form: search works with JavaScript turned off. */
export function SearchForm({ defaultValue = '', id, compact = false, label }: Props) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className={compact ? `${styles.form} ${styles.compact}` : styles.form}
    >
      <label htmlFor={id} className={compact ? 'visually-hidden' : styles.label}>
        Search articles
      </label>
      <div className={styles.row}>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          minLength={2}
          maxLength={200}
          required
          placeholder={compact ? 'Search articles' : 'e.g. vitamin D, sleep, fibre'}
          className={styles.input}
          autoComplete="off"
        />
        <button type="submit" className={styles.button}>
          Search
        </button>
      </div>
    </form>
  );
}
