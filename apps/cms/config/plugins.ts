import type { Core } from '@strapi/strapi';

import { ALLOWED_UPLOAD_MIME_TYPES } from '../src/utils/upload-types';
import { s3UploadSettings, uploadProviderConfig } from '../src/utils/upload-storage';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      // Readers never sign up: the site is read-only for the public.
      register: { allowedFields: [] as string[] },
    },
  },
  upload: {
    config: {
      // Local public/uploads unless UPLOAD_PROVIDER=s3 (src/utils/upload-storage.ts).
      ...uploadProviderConfig(s3UploadSettings(env)),
      sizeLimit: env.int('UPLOAD_SIZE_LIMIT', 10 * 1024 * 1024),
      // Strapi's own gate (everything else, SVG and HTML included, is refused); src/extensions/upload
      // adds the content check it lacks when the bytes match no known type (see there).
      security: { allowedTypes: ALLOWED_UPLOAD_MIME_TYPES },
    },
  },
});
