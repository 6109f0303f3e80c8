/**
 * Where uploads are stored: the CMS's own public/uploads (the default, what the demo uses), or an
 * S3-compatible bucket through @strapi/provider-upload-aws-s3 when UPLOAD_PROVIDER=s3, so several
 * CMS instances share one media library. Readers load S3 media from S3_PUBLIC_URL (the bucket's
 * public URL or a CDN in front of it), which is also the origin the admin's CSP must allow.
 */
type Env = {
  (name: string, fallback?: string): string;
  bool(name: string, fallback?: boolean): boolean;
};

export type S3UploadSettings = {
  bucket: string;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Canned ACL sent with each object; none by default (AWS buckets refuse ACLs, R2 has none). */
  acl: string | undefined;
  publicUrl: URL;
  rootPath: string | undefined;
};

const httpUrl = (name: string, value: string): URL => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got "${value}"`);
  }
  return url;
};

/** The S3 settings when UPLOAD_PROVIDER=s3, null for local uploads; a clear error for bad values. */
export const s3UploadSettings = (env: Env): S3UploadSettings | null => {
  const provider = env('UPLOAD_PROVIDER', 'local');
  if (provider === 'local') return null;
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" or "s3", got "${provider}"`);

  // Each variable is read by its literal name, so a search for what the CMS reads finds it
  // (packages/cluster checks compose's environment against those names).
  const required = (name: string, value: string) => {
    if (!value) throw new Error(`UPLOAD_PROVIDER=s3 needs ${name}`);
    return value;
  };
  const accessKeyId = env('S3_ACCESS_KEY_ID', '');
  const secretAccessKey = env('S3_SECRET_ACCESS_KEY', '');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new Error('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (the AWS default chain)');
  }
  const endpoint = env('S3_ENDPOINT', '');
  return {
    bucket: required('S3_BUCKET', env('S3_BUCKET', '')),
    region: required('S3_REGION', env('S3_REGION', '')),
    endpoint: endpoint ? httpUrl('S3_ENDPOINT', endpoint).toString() : undefined,
    forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
    acl: env('S3_ACL', '') || undefined,
    publicUrl: httpUrl('S3_PUBLIC_URL', required('S3_PUBLIC_URL', env('S3_PUBLIC_URL', ''))),
    rootPath: env('S3_ROOT_PATH', '') || undefined,
  };
};

/** The S3 client's options for these settings: the upload provider's and the backup's client. */
export const s3ClientOptions = (settings: S3UploadSettings) => ({
  region: settings.region,
  ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  forcePathStyle: settings.forcePathStyle,
  ...(settings.credentials ? { credentials: settings.credentials } : {}),
  // Checksums only where S3 requires them: the SDK's default (a CRC trailer on every upload)
  // is not understood by every S3-compatible server.
  requestChecksumCalculation: 'WHEN_REQUIRED' as const,
  responseChecksumValidation: 'WHEN_REQUIRED' as const,
});

/** The upload plugin's provider settings for config/plugins.ts (nothing for local uploads). */
export const uploadProviderConfig = (settings: S3UploadSettings | null) => {
  if (!settings) return {};
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: settings.publicUrl.toString().replace(/\/+$/, ''),
      ...(settings.rootPath ? { rootPath: settings.rootPath } : {}),
      s3Options: {
        ...s3ClientOptions(settings),
        // ACL present but undefined: the provider then sends none (it adds public-read if absent).
        params: { Bucket: settings.bucket, ACL: settings.acl },
      },
    },
  };
};
