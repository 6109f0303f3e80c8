import { describeCmsApi } from './api-suite';

describeCmsApi('sqlite');
