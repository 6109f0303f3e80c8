import { describeRestoreDrill, drillPortBase } from './restore-drill';

// PostgreSQL with an S3 bucket: the production topology's storage (docker-compose.yml).
describeRestoreDrill({ kind: 'postgres', uploads: 's3', portBase: drillPortBase(40) });
