import { z } from 'astro/zod';
import { text } from './common.ts';

/** A free handbook page: `handbook/**\/*.md` or `.mdx`, served at `/<path>/`. */
export const handbookSchema = z.strictObject({
  /** The page title (the page's only h1). */
  title: text,
  /** One sentence for listings and search results. */
  description: text.optional(),
  /** Position within its folder's listing; lower comes first, unnumbered pages last. */
  order: z.number().optional(),
});

export type HandbookPage = z.infer<typeof handbookSchema>;
