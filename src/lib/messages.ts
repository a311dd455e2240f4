/**
 * Every text a handbook author or operator reads from the program lives here, so that
 * wording stays consistent and tests can pin it.
 */
export const messages = {
  configNotJson: (file: string, detail: string) =>
    `${file} is not valid JSON (${detail}). Fix the syntax, or delete the file to use the defaults.`,
  configInvalid: (file: string, problems: string[]) =>
    `${file} has settings the handbook does not understand:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee "Configuration" in README.md for every option.`,
  contentDirMissing: (dir: string) =>
    `The content folder ${dir} does not exist. Create it, or point "content" in handbook.config.json (or HANDBOOK_CONTENT) at your handbook's content folder.`,
  invalidDate: 'Expected a date written as YYYY-MM-DD, for example 2026-05-14.',
  invalidQuarter: 'Expected a quarter written as YYYY-Qn, for example 2026-Q3.',
  invalidId: 'Expected an id in kebab-case (lowercase letters, digits and single dashes), for example "cash-insights".',
  streamRequired: 'A stream-aligned team needs a "stream": the id of the value stream it serves.',
  missingForActive: (field: string) =>
    `"${field}" is required for an active charter. Fill it in, or mark the charter "status: draft" while the team works it out.`,
  techLeadRequired:
    'Every team except the leadership team has one tech lead: set "techLead" to a person id, or mark the charter "status: draft".',
  roadmapWhen: 'Give either "quarter" (YYYY-Qn) or both "start" and "end" dates.',
  endBeforeStart: '"end" is before "start".',
  rangeOrder: 'Write the range as [min, max] with min not above max.',
  kindNotInCategory: (kind: string, category: string, allowed: readonly string[]) =>
    `"${kind}" is not a ${category} asset kind. Use one of: ${allowed.join(', ')}, or "other".`,
  handbookPathReserved: (file: string, segment: string) =>
    `${file} would be served at /${segment}/…, which the site's own ${segment} pages use. Move it to another folder or rename it.`,
  choicesMissAnswer: 'The "choices" of a multiple-choice question must include the "answer" exactly as written.',
} as const;
