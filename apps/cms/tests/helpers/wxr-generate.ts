/**
 * A WordPress export of any size, cloned from the fixture's posts (tests/fixtures/import/wxr):
 * copy k of a post gets a new post id, guid and slug (`<slug>-k`), and its links to the other
 * fixture posts point at copy k of them, so every clone's internal links stay internal. The
 * fixture's attachments are written once, after every post (as exports often order them). The
 * output is written as it is made: a 10,000-post file never exists in memory. Used by the memory
 * test and by the import benchmark.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

export const WXR_FIXTURE_DIR = path.join(__dirname, '../fixtures/import/wxr');
export const WXR_FIXTURE = path.join(WXR_FIXTURE_DIR, 'nourish-export.xml');
/** The fixture's old site: its permalinks and media URLs start with it. */
export const WXR_FIXTURE_SITE = 'https://old.nourish.example';

type Template = { header: string; posts: string[]; attachments: string[]; footer: string };

const readTemplate = (): Template => {
  // The fixture is small (about 200 kB): it is the template, not the file under test.
  const xml = fs.readFileSync(WXR_FIXTURE, 'utf8');
  const first = xml.indexOf('<item>');
  const last = xml.lastIndexOf('</item>') + '</item>'.length;
  const items = xml
    .slice(first, last)
    .split(/(?<=<\/item>)/)
    .map((s) => s.trim());
  const typeOf = (item: string) => /<wp:post_type><!\[CDATA\[([^\]]*)\]\]>/.exec(item)?.[1];
  return {
    header: xml.slice(0, first),
    posts: items.filter((i) => typeOf(i) === 'post' && !i.includes('<wp:status><![CDATA[trash]]>')),
    attachments: items.filter((i) => typeOf(i) === 'attachment'),
    footer: xml.slice(last),
  };
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `sourceDrafts`: posts the export marks unpublished (draft, pending, private, future). */
export type GeneratedWxr = { file: string; posts: number; bytes: number; sourceDrafts: number };

const UNPUBLISHED = /<wp:status><!\[CDATA\[(draft|pending|private|future)\]\]>/;

/** Writes `posts` cloned posts to `file`; `siteUrl` replaces the fixture's site (e.g. a local server of its media). */
export async function generateWxr(options: { file: string; posts: number; siteUrl?: string }): Promise<GeneratedWxr> {
  const template = readTemplate();
  const slugs = template.posts
    .map((p) => /<wp:post_name><!\[CDATA\[([^\]]+)\]\]>/.exec(p)?.[1])
    .filter((s): s is string => Boolean(s));
  const permalink = new RegExp(`(/\\d{4}/\\d{2}/)(${slugs.map(escapeRegExp).join('|')})/`, 'g');
  const site = options.siteUrl?.replace(/\/+$/, '');
  const withSite = (s: string) => (site ? s.split(WXR_FIXTURE_SITE).join(site) : s);

  const out = fs.createWriteStream(options.file, { encoding: 'utf8' });
  let bytes = 0;
  let sourceDrafts = 0;
  const write = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  try {
    await write(withSite(template.header));
    for (let n = 0; n < options.posts; n++) {
      const post = template.posts[n % template.posts.length];
      if (!post) throw new Error('the WXR fixture has no posts to clone');
      if (UNPUBLISHED.test(post)) sourceDrafts++;
      const copy = Math.floor(n / template.posts.length);
      const id = String(100_000 + n);
      const item =
        copy === 0
          ? post
          : post
              .replace(permalink, `$1$2-${copy}/`)
              .replace(/<wp:post_name><!\[CDATA\[([^\]]+)\]\]>/, `<wp:post_name><![CDATA[$1-${copy}]]>`)
              .replace(/<wp:post_id>\d+<\/wp:post_id>/, `<wp:post_id>${id}</wp:post_id>`)
              .replace(/\?p=\d+</g, `?p=${id}<`);
      await write(`  ${withSite(item)}\n`);
    }
    for (const attachment of template.attachments) await write(`  ${withSite(attachment)}\n`);
    await write(withSite(template.footer));
  } finally {
    out.end();
    await once(out, 'close');
  }
  return { file: options.file, posts: options.posts, bytes, sourceDrafts };
}
