'use client';
/**
 * Strapi blocks through @strapi/blocks-react-renderer. The renderer is a client module (it uses
 * context), so the custom renderers have to live in one too; the HTML is still rendered on the
 * server. The content arrives already reshaped by @nourish/content: heading nodes carry the
 * anchor `id` the table of contents links to, and link nodes carry a URL that passed
 * `safeHref` plus an `external` flag (unsafe links were turned into text there).
 */
import Link from 'next/link';
import { BlocksRenderer, type BlocksContent } from '@strapi/blocks-react-renderer';
import type { RichTextBlock } from '@nourish/content';
import type { ReactNode } from 'react';

type HeadingProps = { level: 1 | 2 | 3 | 4 | 5 | 6; children?: ReactNode; id?: string };
type LinkProps = { url: string; children?: ReactNode; external?: boolean };

function Heading({ level, children, id }: HeadingProps) {
  const Tag = `h${Math.max(2, level)}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return (
    <Tag id={id} tabIndex={-1}>
      {children}
    </Tag>
  );
}

function RichLink({ url, children, external }: LinkProps) {
  if (external) {
    return (
      <a href={url} rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  return url.startsWith('/') ? <Link href={url}>{children}</Link> : <a href={url}>{children}</a>;
}

export function RichText({ blocks }: { blocks: RichTextBlock[] }) {
  // Domain blocks are a strict subset of what the renderer accepts (plus `id` / `external`).
  const content: BlocksContent = blocks;
  return <BlocksRenderer content={content} blocks={{ heading: Heading, link: RichLink }} />;
}
