/**
 * Strapi blocks rendered on the server: the body reaches the browser as HTML only, never as
 * client-component props. The markup is the one @strapi/blocks-react-renderer produced. The
 * content arrives already reshaped by @nourish/content: heading nodes carry the anchor `id` the
 * table of contents links to, and link nodes carry a URL that passed `safeHref` plus an
 * `external` flag (unsafe links were turned into text there).
 */
import { Fragment, type ReactNode } from 'react';
import {
  unreachable,
  type RichTextBlock,
  type RichTextInline,
  type RichTextLeaf,
  type RichTextList,
} from '@nourish/content';
import { IntentLink } from '@/components/site/IntentLink';

/** Line breaks typed inside a paragraph (shift+enter in the editor) stay line breaks. */
function lines(text: string): ReactNode {
  const parts = text.split(/\r?\n|\r/);
  return parts.length === 1
    ? text
    : parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {part}
        </Fragment>
      ));
}

function Leaf({ leaf }: { leaf: RichTextLeaf }) {
  let node = lines(leaf.text);
  if (leaf.bold) node = <strong>{node}</strong>;
  if (leaf.italic) node = <em>{node}</em>;
  if (leaf.underline) node = <u>{node}</u>;
  if (leaf.strikethrough) node = <del>{node}</del>;
  if (leaf.code) node = <code>{node}</code>;
  return node;
}

function Inlines({ nodes }: { nodes: RichTextInline[] }) {
  return nodes.map((node, index) => {
    switch (node.type) {
      case 'text':
        return <Leaf key={index} leaf={node} />;
      case 'link': {
        const text = node.children.map((leaf, i) => <Leaf key={i} leaf={leaf} />);
        if (node.external) {
          return (
            <a key={index} href={node.url} rel="noopener noreferrer">
              {text}
            </a>
          );
        }
        return node.url.startsWith('/') ? (
          <IntentLink key={index} href={node.url}>
            {text}
          </IntentLink>
        ) : (
          <a key={index} href={node.url}>
            {text}
          </a>
        );
      }
      default:
        return unreachable(node, 'rich-text inline');
    }
  });
}

function List({ list }: { list: RichTextList }) {
  const items = list.children.map((child, index) => {
    switch (child.type) {
      case 'list':
        return <List key={index} list={child} />;
      case 'list-item':
        return (
          <li key={index}>
            <Inlines nodes={child.children} />
          </li>
        );
      default:
        return unreachable(child, 'rich-text list child');
    }
  });
  return list.format === 'ordered' ? <ol>{items}</ol> : <ul>{items}</ul>;
}

const plainText = (nodes: RichTextInline[]): string =>
  nodes.map((node) => (node.type === 'text' ? node.text : node.children.map((leaf) => leaf.text).join(''))).join('');

function Block({ block }: { block: RichTextBlock }) {
  switch (block.type) {
    case 'paragraph': {
      // An empty paragraph is the editor's blank line.
      const only = block.children[0];
      if (block.children.length === 1 && only?.type === 'text' && only.text === '') return <br />;
      return (
        <p>
          <Inlines nodes={block.children} />
        </p>
      );
    }
    case 'heading': {
      const Tag = `h${block.level}` as const;
      // tabIndex: the table of contents moves focus to the heading it links to.
      return (
        <Tag id={block.id} tabIndex={-1}>
          <Inlines nodes={block.children} />
        </Tag>
      );
    }
    case 'list':
      return <List list={block} />;
    case 'quote':
      return (
        <blockquote>
          <Inlines nodes={block.children} />
        </blockquote>
      );
    case 'code':
      return (
        <pre>
          <code>{plainText(block.children)}</code>
        </pre>
      );
    default:
      return unreachable(block, 'rich-text block');
  }
}

export function RichText({ blocks }: { blocks: RichTextBlock[] }) {
  return blocks.map((block, index) => <Block key={index} block={block} />);
}
