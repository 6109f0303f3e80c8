import { measurePageWeight } from '../probes/page-weight';
measurePageWeight(process.argv[2], process.argv[3]).then((w) => console.log(JSON.stringify(w)));
