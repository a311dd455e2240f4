import { z } from 'astro/zod';
import { isFixedRule, isSchemaRule, ruleIds } from '../lib/check/catalogue.ts';
import { closest } from '../lib/check/suggest.ts';
import { messages } from '../lib/messages.ts';

/** A web address: http or https only, as it becomes a link on every page (`javascript:` would run there). */
export const webAddress = z.url({ protocol: /^https?$/, error: 'Expected a web address starting with https:// (or http://)' });

/**
 * A base path: it goes into every link, and into the scripts of pages that load something,
 * so only the characters a URL path needs no escape for (GitHub Pages' repository names
 * are letters, digits, "-", "_" and "."), and no "//", which a browser reads as another
 * site's address, nor a "." or ".." part.
 */
export const basePath = z
  .string()
  .regex(
    /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/,
    'Expected a path that starts with "/" and holds only letters, digits, "-", "_", ".", "~" and single "/" between its parts, none starting with ".", for example /handbook',
  );

/** The handbook's own settings, read from `handbook.config.json` at the project root. */
export const configSchema = z.strictObject({
  /** Editor hint only: the JSON schema the file follows. */
  $schema: z.string().optional(),
  /** The handbook's name, shown in the header and in every page title. */
  name: z.string().min(1).default('Team Handbook'),
  /** One sentence on what the handbook holds, for the home page and meta description. */
  description: z.string().default('Team working agreements, the value model and how we work.'),
  /** Folder that holds the content, relative to the project root. `HANDBOOK_CONTENT` overrides it. */
  content: z.string().min(1).default('content'),
  /** Public URL of the deployed site (for canonical links); optional. */
  site: webAddress.optional(),
  /** Path the site is served under, e.g. `/handbook` for a project page; defaults to `/`. */
  base: basePath.default('/'),
  /** Settings of `handbook check`. */
  check: z
    .strictObject({
      /** Days after `reviewed` before a charter counts as stale. */
      reviewIntervalDays: z.number().int().positive().default(180),
      /** Days between council meetings; a gap over twice this is flagged. */
      councilCadenceDays: z.number().int().positive().default(14),
      /** Per-rule severity overrides, e.g. `{ "warn/stale-charter": "error" }`. */
      rules: z
        .record(z.string(), z.enum(['error', 'warning', 'off']))
        .superRefine((rules, ctx) => {
          // A misspelt rule id would silently change nothing.
          for (const rule of Object.keys(rules)) {
            if (!ruleIds.includes(rule)) ctx.addIssue({ code: 'custom', path: [rule], message: messages.unknownRule(rule, closest(rule, ruleIds)) });
            else if (isFixedRule(rule) && rules[rule] !== 'error') ctx.addIssue({ code: 'custom', path: [rule], message: messages.fixedRule(rule) });
            else if (isSchemaRule(rule) && rules[rule] !== 'error') ctx.addIssue({ code: 'custom', path: [rule], message: messages.schemaRule(rule) });
          }
        })
        .default({}),
    })
    .prefault({}),
  /** The handbook's git repository, for "Edit this page" links. */
  repository: z
    .strictObject({
      /** Web address of the repository, e.g. https://github.com/acme/handbook; defaults to GitHub Actions' repository or the `origin` remote. */
      url: webAddress.optional(),
      /** The branch edits are proposed against. */
      branch: z.string().min(1).default('main'),
    })
    .prefault({}),
  /** The new-hire path and the welcome on a recent joiner's page. */
  onboarding: z
    .strictObject({
      /** Days after `joined` during which a person's page shows their welcome: first team, teammates, systems, checklist. */
      newHireDays: z.number().int().positive().default(90),
    })
    .prefault({}),
  /** The random-IC quiz. */
  quiz: z
    .strictObject({
      /** How many questions a draw on /quiz/ asks unless its link says otherwise (`?n=`). */
      questions: z.number().int().min(1).max(50).default(5),
    })
    .prefault({}),
  /** Build-time diagrams (Mermaid drawn to inline SVG in a headless Chromium). */
  diagrams: z
    .strictObject({
      /** Path of the Chromium (or Chrome) executable; `HANDBOOK_CHROMIUM` overrides it. `off` draws diagrams in the reader's browser instead. */
      chromium: z.string().min(1).default('/usr/bin/chromium'),
      /** How many diagrams render at once (browser tabs); defaults to the number of CPU cores, at most 4. */
      concurrency: z.number().int().min(1).max(16).optional(),
      /** Folder of cached SVGs, relative to the project root; a rebuild renders only diagrams whose source changed. */
      cacheDir: z.string().min(1).default('node_modules/.cache/handbook-diagrams'),
    })
    .prefault({}),
});

export type HandbookConfig = z.infer<typeof configSchema>;
