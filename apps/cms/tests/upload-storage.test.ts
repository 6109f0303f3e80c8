/** UPLOAD_PROVIDER and the S3_* settings: local by default, S3 when asked, clear errors for bad values. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { s3UploadSettings, uploadProviderConfig } from '../src/utils/upload-storage';

const envOf = (values: Record<string, string>) =>
  Object.assign((name: string, fallback?: string) => values[name] ?? fallback ?? '', {
    bool: (name: string, fallback?: boolean) => (name in values ? values[name] === 'true' : (fallback ?? false)),
  });

const S3 = {
  UPLOAD_PROVIDER: 's3',
  S3_BUCKET: 'media',
  S3_REGION: 'auto',
  S3_ENDPOINT: 'https://account.r2.cloudflarestorage.com',
  S3_ACCESS_KEY_ID: 'key',
  S3_SECRET_ACCESS_KEY: 'secret',
  S3_PUBLIC_URL: 'https://media.example.org/',
};

describe('upload storage settings', () => {
  it('keeps local uploads when UPLOAD_PROVIDER is unset', () => {
    assert.equal(s3UploadSettings(envOf({})), null);
    assert.deepEqual(uploadProviderConfig(null), {});
  });

  it('configures the aws-s3 provider with no ACL and checksums only where required', () => {
    const config = uploadProviderConfig(s3UploadSettings(envOf(S3)));
    assert.deepEqual(config, {
      provider: 'aws-s3',
      providerOptions: {
        baseUrl: 'https://media.example.org',
        s3Options: {
          region: 'auto',
          endpoint: 'https://account.r2.cloudflarestorage.com/',
          forcePathStyle: false,
          credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          params: { Bucket: 'media', ACL: undefined },
        },
      },
    });
  });

  const refused: Array<[string, Record<string, string>, RegExp]> = [
    ['an unknown provider', { UPLOAD_PROVIDER: 'ftp' }, /UPLOAD_PROVIDER must be "local" or "s3", got "ftp"/],
    ['a missing bucket', { ...S3, S3_BUCKET: '' }, /UPLOAD_PROVIDER=s3 needs S3_BUCKET/],
    ['a missing public URL', { ...S3, S3_PUBLIC_URL: '' }, /UPLOAD_PROVIDER=s3 needs S3_PUBLIC_URL/],
    ['a relative public URL', { ...S3, S3_PUBLIC_URL: '/media' }, /S3_PUBLIC_URL must be an absolute http\(s\) URL/],
    ['an ftp endpoint', { ...S3, S3_ENDPOINT: 'ftp://example.org' }, /S3_ENDPOINT must be an http\(s\) URL/],
    [
      'a key without its secret',
      { ...S3, S3_SECRET_ACCESS_KEY: '' },
      /Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/,
    ],
  ];
  for (const [what, values, message] of refused) {
    it(`refuses ${what}`, () => {
      assert.throws(() => s3UploadSettings(envOf(values)), message);
    });
  }
});
