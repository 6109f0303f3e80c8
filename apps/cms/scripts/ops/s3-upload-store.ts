/**
 * The S3 upload provider's bucket (UPLOAD_PROVIDER=s3), with the CMS's own S3 settings. Only the
 * objects under S3_ROOT_PATH are the CMS's; keys keep that prefix so URLs in the database still
 * match after a restore.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

import { s3ClientOptions, type S3UploadSettings } from '../../src/utils/upload-storage';
import type { UploadStore } from './upload-store';

export const s3UploadStore = (settings: S3UploadSettings): UploadStore => {
  // The same client options as the CMS's upload provider.
  const client = new S3Client(s3ClientOptions(settings));
  const Bucket = settings.bucket;
  const prefix = settings.rootPath ? `${settings.rootPath.replace(/\/+$/, '')}/` : '';
  return {
    provider: 's3',
    location: `s3://${Bucket}/${prefix}`,
    // The provider's URL: its baseUrl (S3_PUBLIC_URL), then the key, which starts with the root path.
    urlPrefix: `${settings.publicUrl.toString().replace(/\/+$/, '')}/`,
    keys: async () => {
      const keys: string[] = [];
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket, Prefix: prefix || undefined, ContinuationToken }),
        );
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
      return keys.sort();
    },
    download: async (key, file) => {
      const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!(object.Body instanceof Readable)) throw new Error(`s3://${Bucket}/${key} answered without a body`);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await pipeline(object.Body, fs.createWriteStream(file));
      return object.ContentType;
    },
    upload: async (key, file, contentType) => {
      const { size } = await fsp.stat(file);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: fs.createReadStream(file),
          ContentLength: size,
          ...(contentType ? { ContentType: contentType } : {}),
          ...(settings.acl ? { ACL: settings.acl as PutObjectCommand['input']['ACL'] } : {}),
        }),
      );
    },
    close: () => client.destroy(),
  };
};
