/**
 * Every file the upload plugin stores goes through its `upload` or `replace` service (the admin's
 * media library, the content API, "import from URL", our seed), so the content check sits there:
 * a refused file throws before the plugin writes anything (no file in public/uploads, no row).
 * Strapi's own allow list (config/plugins.ts `security`) runs first in its controllers, but it
 * falls back to the extension when it cannot detect the content, which lets a script named
 * `.png` through; assertAllowedUpload does not.
 */
import { assertAllowedUpload, type IncomingUpload } from '../../utils/upload-types';

type UploadService = {
  upload(args: { data: unknown; files: IncomingUpload | IncomingUpload[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, args: { data: unknown; file: IncomingUpload }, opts?: unknown): Promise<unknown>;
};
type ServiceFactory = (deps: { strapi: unknown }) => UploadService;
type UploadPlugin = { services: Record<string, ServiceFactory> };

const checkAll = async (files: IncomingUpload | IncomingUpload[]) => {
  for (const file of Array.isArray(files) ? files : [files]) {
    // Stored with the type its bytes show, whatever the client declared.
    file.detectedMimeType = await assertAllowedUpload(file);
  }
};

export default (plugin: UploadPlugin) => {
  const createUploadService = plugin.services.upload;
  if (!createUploadService) throw new Error('The upload plugin has no "upload" service to extend');
  plugin.services.upload = (deps) => {
    const service = createUploadService(deps);
    return {
      ...service,
      async upload(args, opts) {
        await checkAll(args.files);
        return service.upload(args, opts);
      },
      async replace(id, args, opts) {
        await checkAll(args.file);
        return service.replace(id, args, opts);
      },
    };
  };
  return plugin;
};
