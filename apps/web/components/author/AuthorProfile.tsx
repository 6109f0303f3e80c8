import type { Author } from '@nourish/content';
import { CmsImage } from '@/components/media/CmsImage';
import { nameWithCredentials } from '@/lib/format';
import styles from './AuthorProfile.module.css';

export function AuthorProfile({ author }: { author: Author }) {
  return (
    <header className={`page-intro ${styles.profile}`}>
      {author.avatar ? <CmsImage image={author.avatar} width={128} className={styles.avatar} /> : null}
      <div className={styles.text}>
        <p className="eyebrow">{author.medicalReviewer ? 'Medical reviewer' : 'Author'}</p>
        <h1 className="page-title">{nameWithCredentials(author)}</h1>
        {author.roleTitle ? <p className={styles.role}>{author.roleTitle}</p> : null}
        {author.bio ? <p className="page-lead">{author.bio}</p> : null}
        {author.links.length > 0 ? (
          <ul className={styles.links} aria-label={`${author.name} elsewhere`}>
            {author.links.map((link) => (
              <li key={link.href}>
                <a href={link.href} rel={link.external ? 'noopener noreferrer' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </header>
  );
}
