/** The local upload provider's folder: <PUBLIC_DIR>/uploads (config/server.ts, relative to apps/cms). */
import fsp from 'node:fs/promises';
import path from 'node:path';

import { CMS_DIR, type CmsEnv } from './cms-env';
import { listFiles } from './list-files';
import type { UploadStore } from './upload-store';

export const localUploadStore = (env: CmsEnv): UploadStore => {
  const root = path.resolve(CMS_DIR, env.PUBLIC_DIR ?? './public', 'uploads');
  return {
    provider: 'local',
    location: root,
    urlPrefix: '/uploads/',
    keys: () => listFiles(root, { skipHidden: true }),
    download: async (key, file) => {
      await fsp.copyFile(path.join(root, key), file);
      return undefined;
    },
    upload: async (key, file) => {
      const destination = path.join(root, key);
      await fsp.mkdir(path.dirname(destination), { recursive: true });
      await fsp.copyFile(file, destination);
    },
    close: () => undefined,
  };
};
