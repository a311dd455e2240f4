import { z } from 'astro/zod';

/** A free handbook page: `handbook/**\/*.md` or `.mdx`, served at `/<path>/`. */
export const handbookSchema = z.strictObject({
  /** The page title (the page's only h1). */
  title: z.string().min(1),
  /** One sentence for listings and search results. */
  description: z.string().min(1).optional(),
  /** Position within its folder's listing; lower comes first, unnumbered pages last. */
  order: z.number().optional(),
});

export type HandbookPage = z.infer<typeof handbookSchema>;
