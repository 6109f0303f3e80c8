import { describeImporter } from './importer/suite';

describeImporter('postgres');
