/**
 * Uploaded files' URLs are stored whole in the database (`files.url` and each format's url in
 * `files.formats`): `/uploads/<key>` for the local provider, `<S3_PUBLIC_URL>/<key>` for S3. When
 * the archive is restored into a store with another public origin (a new bucket, another CDN, or
 * the other provider), the rows are rewritten to it, or readers would load media from the old
 * store and the CMS could not delete those files from the new one.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

import type { DatabaseTarget } from './database-target';
import type { UploadProviderName } from './upload-store';

/** The upload plugin's `provider` column value for each of our providers. */
const PROVIDER_COLUMN: Record<UploadProviderName, string> = { local: 'local', s3: 'aws-s3' };

export type MediaOrigin = { provider: UploadProviderName; urlPrefix: string };

/** How many file rows were moved to the new origin. */
export const rewriteMediaUrls = async (target: DatabaseTarget, from: MediaOrigin, to: MediaOrigin): Promise<number> => {
  if (from.urlPrefix === to.urlPrefix && from.provider === to.provider) return 0;
  // A prefix compared with substr, not LIKE: a URL may hold % or _. A format's url is a JSON string,
  // so its opening quote anchors the prefix.
  const values = {
    from: from.urlPrefix,
    to: to.urlPrefix,
    fromQuoted: `"${from.urlPrefix}`,
    toQuoted: `"${to.urlPrefix}`,
    provider: PROVIDER_COLUMN[to.provider],
  };
  if (target.client === 'sqlite') {
    const db = new Database(target.filename, { fileMustExist: true });
    try {
      const result = db
        .prepare(
          `UPDATE files SET url = @to || substr(url, length(@from) + 1), formats = replace(formats, @fromQuoted, @toQuoted),
           provider = @provider WHERE substr(url, 1, length(@from)) = @from`,
        )
        .run(values);
      return result.changes;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client(target.connection);
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE files SET url = $2 || substr(url, length($1) + 1), formats = replace(formats::text, $3, $4)::jsonb, provider = $5
       WHERE substr(url, 1, length($1)) = $1`,
      [values.from, values.to, values.fromQuoted, values.toQuoted, values.provider],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
};
