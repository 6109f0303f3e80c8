/**
 * Images for imported articles: each distinct image (by the sha256 of its bytes) is uploaded once,
 * ever: its upload is remembered as an import record, so later runs and other articles reuse it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Core } from '@strapi/strapi';

import type { ImageSource } from './source-article';
import { findRecord, saveRecord } from './import-records';

const FETCH_TIMEOUT_MS = 20_000;

type UploadService = {
  upload(input: unknown): Promise<Array<{ id: number }>>;
};

export type LoadedImage = { bytes: Buffer; sha256: string; name: string };

/** The bytes of an image source: an http(s) URL or an absolute file path. Throws a readable error. */
export const loadImage = async (source: ImageSource): Promise<LoadedImage> => {
  let bytes: Buffer;
  let name: string;
  if (/^https?:\/\//i.test(source.src)) {
    let res: Response;
    try {
      res = await fetch(source.src, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(`image ${source.src} could not be fetched: ${(error as Error).message}`);
    }
    if (!res.ok) throw new Error(`image ${source.src} answered ${String(res.status)}`);
    bytes = Buffer.from(await res.arrayBuffer());
    name = path.basename(new URL(source.src).pathname) || 'image';
  } else {
    try {
      bytes = await fs.readFile(source.src);
    } catch {
      throw new Error(`image not found: ${source.src}`);
    }
    name = path.basename(source.src);
  }
  if (bytes.length === 0) throw new Error(`image ${source.src} is empty`);
  return { bytes, name, sha256: createHash('sha256').update(bytes).digest('hex') };
};

const mediaKey = (sha256: string) => `sha256:${sha256}`;

export class MediaLibrary {
  /** sha256 -> upload file id, for this run. */
  private readonly uploaded = new Map<string, number>();
  /** Image source (URL or path) -> upload file id, for this run: a source is fetched once. */
  private readonly bySource = new Map<string, number>();

  /** The upload id of a source already loaded and uploaded in this run, or undefined. */
  uploadedSource(src: string): number | undefined {
    return this.bySource.get(src);
  }

  /** Uploads (or finds) the image of `src` and remembers it by its source. */
  async uploadSource(src: string, image: LoadedImage, alt: string): Promise<number> {
    const id = await this.upload(image, alt);
    this.bySource.set(src, id);
    return id;
  }

  constructor(private readonly strapi: Core.Strapi) {}

  /** The upload id of an image already imported (by an earlier run too), or undefined. */
  async known(image: LoadedImage): Promise<number | undefined> {
    const cached = this.uploaded.get(image.sha256);
    if (cached !== undefined) return cached;
    const record = await findRecord(this.strapi, mediaKey(image.sha256));
    if (!record) return undefined;
    const id = Number(record.targetDocumentId);
    const file = (await this.strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['id'] })) as {
      id: number;
    } | null;
    if (!file) return undefined; // deleted from the media library since: upload again
    this.uploaded.set(image.sha256, id);
    return id;
  }

  /** Uploads `image` unless its bytes were uploaded before; returns the upload id. */
  async upload(image: LoadedImage, alt: string): Promise<number> {
    const known = await this.known(image);
    if (known !== undefined) return known;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'nourish-import-'));
    const file = path.join(dir, image.name);
    await fs.writeFile(file, image.bytes);
    try {
      const { fileTypeFromBuffer } = await import('file-type');
      const mime = (await fileTypeFromBuffer(image.bytes))?.mime ?? 'application/octet-stream';
      const [uploaded] = await this.strapi
        .plugin('upload')
        .service<UploadService>('upload')
        .upload({
          data: { fileInfo: { name: image.name, alternativeText: alt.slice(0, 200), caption: '' } },
          files: { filepath: file, originalFilename: image.name, mimetype: mime, size: image.bytes.length },
        });
      if (!uploaded) throw new Error(`image ${image.name} was not stored`);
      await saveRecord(this.strapi, {
        sourceKey: mediaKey(image.sha256),
        kind: 'media',
        targetDocumentId: String(uploaded.id),
        sourceHash: image.sha256,
        slug: null,
        linkKeys: null,
        pendingLinks: null,
      });
      this.uploaded.set(image.sha256, uploaded.id);
      return uploaded.id;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}
