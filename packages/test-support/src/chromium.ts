/**
 * Debian's Chromium, as Playwright (e2e/) and Lighthouse (bench/) launch it: neither may download
 * a browser of its own here. CHROME_PATH overrides the path.
 */
export const chromiumPath = (): string => process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  // Runs as root in containers/CI, where the sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  // The machine has no internet: stop Chromium's own background traffic (QUIC probes, component
  // and variations downloads, sync) from stalling a test or polluting the network records.
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
