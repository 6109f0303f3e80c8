import { cloneArticles } from '../generate/clone-articles';
import { freshDatabase } from '../generate/database';
import { runSecrets, startCms } from '../servers';
const main = async () => {
  const db = await freshDatabase('postgres', 'probe_100k', '/tmp', '/work/main/.tmp/bench/work/public');
  const secrets = runSecrets();
  const cms = await startCms({ port: 1391, siteUrl: 'http://127.0.0.1:3999', database: db.env, secrets, seed: true });
  await cms.stop();
  const knex = db.connect();
  const t = Date.now();
  await cloneArticles(knex, Number(process.argv[2] ?? 100000), (d, tot) => { if (d % 10000 < 250) console.log(d, tot, Date.now() - t); });
  console.log('done', Date.now() - t, JSON.stringify(db.env));
  await knex.destroy();
};
main().catch((e) => { console.error(String(e).slice(0, 2000)); process.exit(1); });
