/**
 * Ids, as the content model defines them: file names without extension, in kebab-case.
 * Shared by the schemas (references), the check (file names), `npm run new` and the
 * Backstage import, so that all four agree on what an id is.
 */

/** Lowercase letters and digits, in words joined by single dashes: `cash-insights`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a value is a kebab-case id. */
export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/**
 * The id closest to a free-form name, or '' if nothing of it survives: `Cash Insights`
 * becomes `cash-insights`. Accents are dropped, not the letters they sit on (José → jose).
 * The Backstage import names files with it, so a change here renames imported entries.
 */
export function toId(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id to suggest for a file name: as `toId`, with words run together split (`LedgerOps` → `ledger-ops`). */
export function suggestedId(name: string): string {
  return toId(name.replace(/([a-z0-9])([A-Z])/g, '$1-$2'));
}
