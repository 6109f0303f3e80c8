/**
 * Bytes of an HTML page -> its text, in the charset the page declares (HTTP header first, then a
 * <meta charset> / http-equiv in its first bytes, else UTF-8), so old Latin-1 or Windows-1252
 * pages keep their accents and curly quotes. iconv-lite decodes: Node's own TextDecoder (20.x)
 * reads windows-1252 as plain Latin-1 and loses the dashes and quotes in 0x80-0x9F.
 */
import iconv from 'iconv-lite';

const charsetIn = (text: string | null | undefined) => /charset\s*=\s*["']?([\w.:-]+)/i.exec(text ?? '')?.[1];

/** Browsers read these labels as Windows-1252 (the HTML standard's encoding table); so do we. */
const WINDOWS_1252_LABELS = new Set(['latin1', 'iso-8859-1', 'iso8859-1', 'l1', 'us-ascii', 'ascii', 'cp1252']);

export type DecodedHtml = { html: string; warning?: string };

export const decodeHtml = (bytes: Uint8Array, contentType?: string | null): DecodedHtml => {
  // A charset name is ASCII, so reading the head as Latin-1 finds it whatever the real charset.
  const head = iconv.decode(bytes.subarray(0, 2048), 'latin1');
  const declared = charsetIn(contentType) ?? charsetIn(/<meta[^>]+charset[^>]*>/i.exec(head)?.[0]);
  const charset = declared && WINDOWS_1252_LABELS.has(declared.toLowerCase()) ? 'windows-1252' : (declared ?? 'utf-8');
  if (!iconv.encodingExists(charset)) {
    return { html: iconv.decode(bytes, 'utf-8'), warning: `unknown charset "${declared ?? ''}"; read as UTF-8` };
  }
  return { html: iconv.decode(bytes, charset) };
};
