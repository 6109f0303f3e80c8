/**
 * The command line of a throwaway `redis-server` (the cluster's, a suite's, the benchmark's): on
 * loopback, its own port, nothing persisted, so a restart starts empty as after a crash.
 */
export const privateRedisCommand = (port: number): [string, ...string[]] => [
  'redis-server',
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--save',
  '',
  '--appendonly',
  'no',
];
