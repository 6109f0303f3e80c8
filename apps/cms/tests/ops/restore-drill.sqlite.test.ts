import { describeRestoreDrill } from './restore-drill';

// SQLite with the local upload folder: the demo's and a single-host setup's storage.
describeRestoreDrill({ kind: 'sqlite', uploads: 'local', portBase: 9600 });
