/**
 * WordPress's classic editor stores posts without <p> tags: paragraphs are blank-line separated
 * and WordPress adds the tags when it renders (its `wpautop`). Content that has no paragraph tags
 * and no block-editor markup gets them here, so the HTML mapper sees what readers saw.
 */
const BLOCK_START = /^<(h[1-6]|ul|ol|blockquote|figure|div|table|pre|hr|p|section|iframe)\b/i;

export function wpAutop(html: string): string {
  if (/<p[\s>]/i.test(html) || html.includes('<!-- wp:')) return html;
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}
