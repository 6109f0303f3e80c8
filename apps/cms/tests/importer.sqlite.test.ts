import { describeImporter } from './importer/suite';

describeImporter('sqlite');
