/**
 * The one link check used for every URL that comes from the CMS (rich-text links, footer and
 * author links, references, curated external picks). It allows only http(s), mailto and tel
 * URLs and site-relative references; anything else is refused and rendered as plain text.
 *
 * Browsers ignore tabs, newlines and leading control characters inside a scheme, and editors
 * can paste HTML entities or percent-escapes, so the check looks at the URL after undoing all
 * of those tricks, while the value returned is the cleaned-up original.
 */

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  amp: '&',
  lpar: '(',
  rpar: ')',
  sol: '/',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  period: '.',
  comma: ',',
  semi: ';',
  num: '#',
  percnt: '%',
};

const decodeEntities = (value: string): string =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x')) return safeFromCodePoint(parseInt(lower.slice(2), 16)) ?? match;
    if (lower.startsWith('#')) return safeFromCodePoint(parseInt(lower.slice(1), 10)) ?? match;
    return NAMED_ENTITIES[lower] ?? match;
  });

const safeFromCodePoint = (codePoint: number): string | undefined =>
  Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : undefined;

const decodePercent = (value: string): string =>
  value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// Whitespace, C0/C1 control characters and invisible format characters (zero-width, BOM, soft hyphen).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0020\u007f-\u00a0\u00ad\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/g;

/** What a browser would take as the scheme after undoing entities, escapes and hidden characters. */
const normalizedForSchemeCheck = (raw: string): string => {
  let value = raw;
  // Repeat so double-encoded payloads (`&amp;#106;`, `%256A`) cannot slip through one pass.
  for (let i = 0; i < 5; i += 1) {
    const next = decodePercent(decodeEntities(value));
    if (next === value) break;
    value = next;
  }
  return value.replace(INVISIBLE, '').toLowerCase();
};

/**
 * Returns a URL that is safe to put in `href`, or `null` when the link must be rendered as text.
 * Protocol-relative URLs (`//host/path`) are upgraded to `https:`.
 */
export function safeHref(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 2048) return null;
  // Control characters and line breaks have no business in a stored URL.
  // eslint-disable-next-line no-control-regex -- as above
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return null;

  const normalized = normalizedForSchemeCheck(trimmed);
  if (normalized === '') return null;
  // Backslashes are read as slashes by browsers (`/\evil.com` is protocol-relative).
  if (normalized.includes('\\')) return null;

  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  if (scheme !== undefined) {
    if (!ALLOWED_SCHEMES.has(scheme)) return null;
    // The raw string must carry the same scheme in plain text, or it relies on a decoding trick.
    if (!trimmed.toLowerCase().startsWith(`${scheme}:`)) return null;
    if (scheme === 'http' || scheme === 'https') {
      try {
        const url = new URL(trimmed);
        return url.hostname ? url.href : null;
      } catch {
        return null;
      }
    }
    return trimmed;
  }

  if (normalized.startsWith('//')) {
    try {
      return new URL(`https:${trimmed}`).href;
    } catch {
      return null;
    }
  }
  // A colon before the first / ? # would be read as a scheme by some parsers: refuse it.
  const firstDelimiter = normalized.search(/[/?#]/);
  const colon = normalized.indexOf(':');
  if (colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter)) return null;
  return trimmed;
}

/** External = leaves the site: absolute http(s) URLs. Gets `rel="noopener noreferrer"`. */
export const isExternalHref = (href: string): boolean => /^https?:\/\//i.test(href);
