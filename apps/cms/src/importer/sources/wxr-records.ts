/**
 * A WordPress export (WXR: RSS 2.0 with wp:, content:, excerpt: and dc: elements) as a stream of
 * the channel's child records: the site's fields, `wp:author`, `wp:category`, `wp:tag` and every
 * `item`. The file is read in chunks through saxes, so a record is held only from its end tag
 * until the consumer takes it: memory is bounded by one chunk's records, never by the file.
 * Comments (`wp:comment`) are skipped as they are parsed.
 */
import { createReadStream } from 'node:fs';

import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** A `<category domain="category|post_tag" nicename="...">Name</category>` of an item. */
export type WxrTerm = { domain: string; nicename: string; name: string };

export type WxrRecord = {
  /** The record's element name as written, prefix included (`item`, `wp:author`, `wp:base_site_url`). */
  tag: string;
  /** Where the record starts in the file (1-based), for messages. */
  line: number;
  /** The record's own text (for simple channel fields such as `wp:base_site_url`). */
  text: string;
  /** Each child element's text, by element name; the first occurrence wins. */
  fields: Map<string, string>;
  terms: WxrTerm[];
  /** `wp:postmeta` pairs, by meta key (the first occurrence wins). */
  meta: Map<string, string>;
};

/** What a caller may observe of the stream: the most records ever parsed but not yet taken. */
export type WxrStreamStats = { maxBuffered: number };

export class WxrFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: not a readable WordPress export: ${reason}`);
    this.name = 'WxrFileError';
  }
}

// rss > channel > record > field > sub-field (the key and value of a wp:postmeta).
const messageOf = (error: unknown) => (error instanceof Error ? error.message : JSON.stringify(error));

const RECORD_DEPTH = 3;
const FIELD_DEPTH = 4;
const SUBFIELD_DEPTH = 5;
const CHUNK_BYTES = 64 * 1024;

export async function* streamWxrRecords(file: string, stats?: WxrStreamStats): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ fileName: file, position: true, xmlns: false });
  const ready: WxrRecord[] = [];
  const stack: string[] = [];
  let record: WxrRecord | null = null;
  let text = '';
  let term: Omit<WxrTerm, 'name'> | null = null;
  let metaKey = '';
  let metaValue = '';
  // Depth of a wp:comment being skipped, 0 when none.
  let skipping = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    stack.push(tag.name);
    const depth = stack.length;
    if (depth === 1 && tag.name !== 'rss')
      throw new Error(`line ${parser.line}: the root element is <${tag.name}>, not <rss>`);
    if (depth === 2 && tag.name !== 'channel')
      throw new Error(`line ${parser.line}: <rss> holds <${tag.name}>, not <channel>`);
    if (skipping) return;
    if (depth === RECORD_DEPTH) {
      record = { tag: tag.name, line: parser.line, text: '', fields: new Map(), terms: [], meta: new Map() };
      text = '';
    } else if (depth === FIELD_DEPTH) {
      text = '';
      if (tag.name === 'wp:comment') skipping = depth;
      else if (tag.name === 'category')
        term = { domain: tag.attributes.domain ?? '', nicename: tag.attributes.nicename ?? '' };
      else if (tag.name === 'wp:postmeta') metaKey = metaValue = '';
    } else if (depth === SUBFIELD_DEPTH) text = '';
  });

  const onText = (data: string) => {
    if (!skipping && stack.length >= RECORD_DEPTH) text += data;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  parser.on('closetag', (tag: SaxesTagPlain) => {
    const depth = stack.length;
    stack.pop();
    if (skipping) {
      if (depth === skipping) skipping = 0;
      return;
    }
    if (!record) return;
    if (depth === SUBFIELD_DEPTH) {
      if (tag.name === 'wp:meta_key') metaKey = text.trim();
      else if (tag.name === 'wp:meta_value') metaValue = text;
    } else if (depth === FIELD_DEPTH) {
      if (tag.name === 'category' && term) record.terms.push({ ...term, name: text.trim() });
      else if (tag.name === 'wp:postmeta') {
        if (metaKey && !record.meta.has(metaKey)) record.meta.set(metaKey, metaValue);
      } else if (!record.fields.has(tag.name)) record.fields.set(tag.name, text);
      term = null;
      text = '';
    } else if (depth === RECORD_DEPTH) {
      if (record.fields.size === 0) record.text = text.trim();
      ready.push(record);
      record = null;
    }
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let failure: unknown = null;
      try {
        parser.write(chunk);
      } catch (error) {
        failure = error;
      }
      if (stats) stats.maxBuffered = Math.max(stats.maxBuffered, ready.length);
      // Records completed before a fault still go out: everything readable is imported.
      yield* ready.splice(0);
      if (failure) {
        const message = messageOf(failure);
        // saxes reports where it gave up, which can be far past a stray '&': name the record too.
        const open = record as WxrRecord | null;
        throw new WxrFileError(
          file,
          open ? `${message} (in the <${open.tag}> that starts at line ${open.line})` : message,
        );
      }
    }
    try {
      parser.close();
    } catch (error) {
      throw new WxrFileError(file, messageOf(error));
    }
    yield* ready.splice(0);
  } catch (error) {
    if (error instanceof WxrFileError) throw error;
    if (error instanceof Error && 'code' in error) throw new WxrFileError(file, error.message);
    throw error;
  } finally {
    stream.destroy();
  }
}
