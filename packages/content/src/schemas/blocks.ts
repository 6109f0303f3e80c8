/**
 * Strapi's "blocks" rich-text format (the `content.rich-text` component's `body`). Every node
 * type the Strapi editor can produce is listed; an unknown one fails validation loudly rather
 * than silently vanishing from an article.
 */
import { z } from 'zod';

export const textNodeSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});
export type RawTextNode = z.output<typeof textNodeSchema>;

export const linkNodeSchema = z.object({
  type: z.literal('link'),
  url: z.string(),
  children: z.array(textNodeSchema),
});
export type RawLinkNode = z.output<typeof linkNodeSchema>;

export const inlineNodeSchema = z.discriminatedUnion('type', [textNodeSchema, linkNodeSchema]);
export type RawInlineNode = z.output<typeof inlineNodeSchema>;

export const listItemNodeSchema = z.object({
  type: z.literal('list-item'),
  children: z.array(inlineNodeSchema),
});
export type RawListItemNode = z.output<typeof listItemNodeSchema>;

export type RawListNode = {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number | undefined;
  children: Array<RawListItemNode | RawListNode>;
};

// Lists nest (a list inside a list), so the schema refers to itself.
export const listNodeSchema: z.ZodType<RawListNode> = z.object({
  type: z.literal('list'),
  format: z.enum(['ordered', 'unordered']),
  indentLevel: z.number().int().optional(),
  get children() {
    return z.array(z.union([listItemNodeSchema, listNodeSchema]));
  },
});

export const imageNodeSchema = z.object({
  type: z.literal('image'),
  image: z.object({
    url: z.string().min(1),
    width: z.number().int().positive().nullable().optional(),
    height: z.number().int().positive().nullable().optional(),
    alternativeText: z.string().nullable().optional(),
    caption: z.string().nullable().optional(),
  }),
});
export type RawImageNode = z.output<typeof imageNodeSchema>;

export const blockNodeSchema = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNodeSchema) }),
  z.object({
    type: z.literal('heading'),
    level: z.literal([1, 2, 3, 4, 5, 6]),
    children: z.array(inlineNodeSchema),
  }),
  listNodeSchema,
  z.object({ type: z.literal('quote'), children: z.array(inlineNodeSchema) }),
  z.object({ type: z.literal('code'), language: z.string().optional(), children: z.array(inlineNodeSchema) }),
  imageNodeSchema,
]);
export type RawBlockNode = z.output<typeof blockNodeSchema>;

export const blocksSchema = z.array(blockNodeSchema);
