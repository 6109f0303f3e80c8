/**
 * What editors may upload: raster images and PDF, decided by the file's content (its magic bytes,
 * read by `file-type`, the detector Strapi's upload plugin uses), with an extension that names the
 * same type. SVG, HTML and scripts would run on the admin's origin when opened from /uploads, and
 * a text file has no magic bytes at all, so anything undetectable is refused too.
 */
import { errors } from '@strapi/utils';

/** Allowed MIME types and the file extensions each may carry. */
export const UPLOAD_TYPES: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'image/avif': ['.avif'],
  'application/pdf': ['.pdf'],
};

export const ALLOWED_UPLOAD_MIME_TYPES = Object.keys(UPLOAD_TYPES);

const ALLOWED = 'Only JPEG, PNG, WebP, GIF, AVIF images and PDF files may be uploaded';

/** The fields of a parsed multipart file (formidable) the check reads. */
export type IncomingUpload = {
  filepath?: string;
  originalFilename?: string | null;
  name?: string;
  mimetype?: string | null;
  detectedMimeType?: string;
};

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};

/** The type the bytes at `filepath` show, or undefined when they match no known signature. */
const detectType = async (filepath: string): Promise<string | undefined> => {
  // file-type is ESM-only; Node >= 20.19 loads it from our CommonJS build (require(esm)).
  const { fileTypeFromFile } = await import('file-type');
  return (await fileTypeFromFile(filepath))?.mime;
};

/**
 * Resolves with the detected MIME type, or throws a ValidationError (400) naming what the file is.
 * The declared (client) MIME type is never trusted.
 */
export const assertAllowedUpload = async (file: IncomingUpload): Promise<string> => {
  const name = file.originalFilename ?? file.name ?? '';
  if (!file.filepath) throw new errors.ValidationError(`${ALLOWED}; this file's content could not be read`);
  const detected = await detectType(file.filepath);
  if (!detected || !UPLOAD_TYPES[detected]) {
    const what =
      detected ??
      (file.mimetype ? `not a recognised image or PDF (sent as ${file.mimetype})` : 'not a recognised image or PDF');
    throw new errors.ValidationError(`${ALLOWED}; this file is ${what}`, {
      fileName: name,
      detectedType: detected ?? null,
    });
  }
  const extension = extensionOf(name);
  if (!UPLOAD_TYPES[detected].includes(extension)) {
    throw new errors.ValidationError(
      `The file name must end in ${UPLOAD_TYPES[detected].join(' or ')}: its content is ${detected}, not ${extension || 'an unnamed type'}`,
      { fileName: name, detectedType: detected },
    );
  }
  return detected;
};
