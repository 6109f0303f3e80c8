import { winston } from '@strapi/logger';
import type { Core } from '@strapi/strapi';

import { currentRequestId } from '../src/observability/request-id';

/** Adds the id of the request being served to every line logged while serving it. */
const withRequestId = winston.format((info) => {
  const requestId = currentRequestId();
  return requestId ? { ...info, requestId } : info;
});

/**
 * LOG_FORMAT=json (compose sets it): one JSON object per line, with time, level,
 * message, the request id and any details, for a log pipeline to index. Otherwise Strapi's own
 * readable lines.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) =>
  env('LOG_FORMAT', 'pretty') === 'json'
    ? {
        format: winston.format.combine(
          withRequestId(),
          winston.format.errors({ stack: true }),
          winston.format.timestamp(),
          winston.format.json(),
        ),
      }
    : {};
