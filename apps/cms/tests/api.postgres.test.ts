import { describeCmsApi } from './api-suite';

describeCmsApi('postgres');
