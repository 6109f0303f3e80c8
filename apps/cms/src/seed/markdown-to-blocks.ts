/**
 * Markdown -> Strapi "blocks" rich text, via marked's lexer. Used by the demo seed, and meant for
 * importing editors' existing Markdown articles too. Headings are clamped to H2-H4 (the article
 * title is the page's only H1); unsupported constructs (tables, HTML) become plain paragraphs.
 */
import { marked, type Token, type Tokens } from 'marked';

export type TextNode = { type: 'text'; text: string; bold?: true; italic?: true; code?: true; strikethrough?: true };
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 2 | 3 | 4; children: InlineNode[] }
  | { type: 'list'; format: 'ordered' | 'unordered'; children: Array<{ type: 'list-item'; children: InlineNode[] }> }
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: TextNode[] };

type Marks = Omit<TextNode, 'type' | 'text'>;

const inline = (tokens: Token[] | undefined, marks: Marks = {}): InlineNode[] => {
  const out: InlineNode[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...inline((token as Tokens.Strong).tokens, { ...marks, bold: true }));
        break;
      case 'em':
        out.push(...inline((token as Tokens.Em).tokens, { ...marks, italic: true }));
        break;
      case 'del':
        out.push(...inline((token as Tokens.Del).tokens, { ...marks, strikethrough: true }));
        break;
      case 'codespan':
        out.push({ type: 'text', text: (token as Tokens.Codespan).text, ...marks, code: true });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const children = inline(link.tokens, marks).filter((n): n is TextNode => n.type === 'text');
        out.push({
          type: 'link',
          url: link.href,
          children: children.length ? children : [{ type: 'text', text: link.href }],
        });
        break;
      }
      case 'br':
        out.push({ type: 'text', text: '\n', ...marks });
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens?.length) out.push(...inline(text.tokens, marks));
        else out.push({ type: 'text', text: decodeEntities(text.text), ...marks });
        break;
      }
      case 'escape':
        out.push({ type: 'text', text: (token as Tokens.Escape).text, ...marks });
        break;
      default:
        if ('text' in token && typeof token.text === 'string') out.push({ type: 'text', text: token.text, ...marks });
    }
  }
  return mergeText(out);
};

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Joins neighbouring text nodes with identical marks, as Strapi's editor does. */
const mergeText = (nodes: InlineNode[]): InlineNode[] => {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const prev = out[out.length - 1];
    if (prev?.type === 'text' && node.type === 'text' && sameMarks(prev, node)) prev.text += node.text;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out.length ? out : [{ type: 'text', text: '' }];
};

const sameMarks = (a: TextNode, b: TextNode) =>
  a.bold === b.bold && a.italic === b.italic && a.code === b.code && a.strikethrough === b.strikethrough;

const toBlocks = (tokens: Token[]): Block[] => {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const heading = token as Tokens.Heading;
        const level = Math.min(4, Math.max(2, heading.depth)) as 2 | 3 | 4;
        blocks.push({ type: 'heading', level, children: inline(heading.tokens) });
        break;
      }
      case 'paragraph':
        blocks.push({ type: 'paragraph', children: inline((token as Tokens.Paragraph).tokens) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        blocks.push({
          type: 'list',
          format: list.ordered ? 'ordered' : 'unordered',
          children: list.items.map((item) => ({
            type: 'list-item',
            children: mergeText(
              item.tokens.flatMap((t) => ('tokens' in t && t.tokens ? inline(t.tokens) : inline([t]))),
            ),
          })),
        });
        break;
      }
      case 'blockquote': {
        const quote = token as Tokens.Blockquote;
        const children = quote.tokens.flatMap((t) => ('tokens' in t && t.tokens ? inline(t.tokens) : []));
        blocks.push({ type: 'quote', children: mergeText(children) });
        break;
      }
      case 'code':
        blocks.push({ type: 'code', children: [{ type: 'text', text: (token as Tokens.Code).text }] });
        break;
      case 'space':
      case 'hr':
        break;
      default:
        if ('text' in token && typeof token.text === 'string' && token.text.trim()) {
          blocks.push({ type: 'paragraph', children: [{ type: 'text', text: token.text }] });
        }
    }
  }
  return blocks;
};

export const markdownToBlocks = (markdown: string): Block[] => toBlocks(marked.lexer(markdown));
