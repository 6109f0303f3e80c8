/**
 * Where the CMS keeps uploaded files, as the upload plugin is configured (config/plugins.ts): the
 * local public/uploads folder or an S3 bucket. Keys are paths relative to the store's root.
 */
import { s3UploadSettings } from '../../src/utils/upload-storage';
import { strapiEnv, type CmsEnv } from './cms-env';
import { localUploadStore } from './local-upload-store';
import { s3UploadStore } from './s3-upload-store';

export type UploadProviderName = 'local' | 's3';

export type UploadStore = {
  provider: UploadProviderName;
  /** For messages and the manifest: the folder, or the bucket and prefix. */
  location: string;
  /** What the upload plugin puts before a key in a file's URL (media-urls.ts). */
  urlPrefix: string;
  /** Every object's key, sorted. */
  keys(): Promise<string[]>;
  /** Writes the object `key` to `file`; returns its content type when the store keeps one. */
  download(key: string, file: string): Promise<string | undefined>;
  upload(key: string, file: string, contentType: string | undefined): Promise<void>;
  close(): void;
};

export const uploadStore = (env: CmsEnv): UploadStore => {
  const s3 = s3UploadSettings(strapiEnv(env));
  return s3 ? s3UploadStore(s3) : localUploadStore(env);
};
