/**
 * WordPress's classic editor stores a captioned image as a shortcode around plain HTML:
 * `[caption id="attachment_7" width="300"]<a href="…"><img …></a> The caption[/caption]`.
 * It becomes the <figure> + <figcaption> the block editor writes, so both read alike.
 */
const CAPTION = /\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi;
/** The image (possibly inside its link) at the start of the shortcode's content. */
const LEADING_IMAGE = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)/i;

export const expandCaptionShortcodes = (html: string): string =>
  html.includes('[caption')
    ? html.replace(CAPTION, (whole, inner: string) => {
        const image = LEADING_IMAGE.exec(inner);
        if (!image?.[1]) return whole;
        const caption = inner.slice(image[0].length).trim();
        return `<figure>${image[1]}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
      })
    : html;
