export { CHROMIUM_FLAGS, chromiumPath } from './chromium';
export { DRAFT_STATUS_SPELLINGS } from './draft-selectors';
export { privateRedisCommand } from './private-redis';
export { pingRedis, waitForRedis } from './redis-ready';
export {
  exitWithin,
  inheritedEnv,
  spawnService,
  waitUntilReady,
  type ReadyCheck,
  type ServiceProcess,
  type ServiceProcessOptions,
} from './service-process';
