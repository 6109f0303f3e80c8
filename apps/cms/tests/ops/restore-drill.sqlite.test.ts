import { describeRestoreDrill, drillPortBase } from './restore-drill';

// SQLite with the local upload folder: the demo's and a single-host setup's storage.
describeRestoreDrill({ kind: 'sqlite', uploads: 'local', portBase: drillPortBase(0) });
