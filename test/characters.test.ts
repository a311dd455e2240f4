import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { curlyQuotesAround, pastedCharacters } from '../src/lib/check/characters.ts';
import { checkMessages } from '../src/lib/messages.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { TEST_TODAY } from './helpers/site.ts';

/** `file:line rule message` for each problem the check finds in these files, of the rules named. */
async function problemsIn(files: Record<string, string>, rules: RegExp = /./): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'handbook-pasted-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    return problems.filter((p) => rules.test(p.rule)).map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kwame = { 'people/kwame-asante.yaml': 'name: Kwame Asante\nrole: tech-lead\n' };
const charter = (fields: string) => ({ ...kwame, 'teams/ledger.md': `---\nname: Ledger\ntype: platform\nstatus: draft\n${fields}\n---\n` });

describe('characters pasted from a document, named where a value is refused', () => {
  it('a zero-width space in a reference id: invisible, so said by what it follows', async () => {
    expect(await problemsIn(charter('techLead: "kwame\u200B-asante"'), /^(references|schema)\//)).toEqual([
      'teams/ledger.md:5 references/person No person has the id "kwame\u200B-asante" (in techLead). Did you mean "kwame-asante"? There is no people/kwame\u200B-asante.yaml. "kwame\u200B-asante" contains an invisible zero-width space (U+200B) after "kwame": delete it.',
    ]);
  });

  it('a non-breaking hyphen in a person id, at the character it is', async () => {
    expect(await problemsIn({ ...kwame, 'people/ada.yaml': 'name: Ada\nrole: engineer\nreportsTo: kwame\u2011asante\n' }, /^(references|schema)\//)).toEqual([
      'people/ada.yaml:3 references/person No person has the id "kwame\u2011asante" (in reportsTo). Did you mean "kwame-asante"? There is no people/kwame\u2011asante.yaml. "kwame\u2011asante" contains a non-breaking hyphen (U+2011) at character 6, where "-" was probably meant: retype it.',
    ]);
  });

  it('en dashes in a date, with the date to write when the value is one without them', async () => {
    expect(await problemsIn({ 'people/ada.yaml': 'name: Ada\nrole: engineer\njoined: 2026\u201305\u201314\n' }, /^schema\//)).toEqual([
      'people/ada.yaml:3 schema/date Expected a date written as YYYY-MM-DD, for example 2026-05-14. "2026\u201305\u201314" contains an en dash (U+2013) at characters 5 and 8, where "-" was probably meant: write "2026-05-14".',
    ]);
  });

  it('a non-breaking space in a choice from a list', async () => {
    expect(await problemsIn({ 'people/ada.yaml': 'name: Ada\nrole: engineer\u00A0\n' })).toEqual([
      'people/ada.yaml:2 schema/enum "engineer\u00A0" is not a valid role. Did you mean "engineer"? Use one of: engineer, tech-lead, product-manager, engineering-manager, designer, data, director, vp, cto, cpo, ceo, other. "engineer\u00A0" contains a non-breaking space (U+00A0) at the end: delete it.',
    ]);
  });

  it('a Cyrillic letter in an id, as the Latin letter it looks like', async () => {
    // "е" is U+0435, CYRILLIC SMALL LETTER IE.
    expect(await problemsIn(charter('owns: [l\u0435dger-db]'), /^schema\//)).toEqual([
      'teams/ledger.md:5 schema/format "owns[1]": Expected an id in kebab-case (lowercase letters, digits and single dashes), for example "cash-insights". "l\u0435dger-db" contains a Cyrillic "\u0435" (U+0435) at character 2, which looks like the Latin "e": write "ledger-db".',
    ]);
    expect(await problemsIn(charter('members: [kwam\u0435-asante]'), /^references\//)).toEqual([
      'teams/ledger.md:5 references/person No person has the id "kwam\u0435-asante" (in members[1]). Did you mean "kwame-asante"? There is no people/kwam\u0435-asante.yaml. "kwam\u0435-asante" contains a Cyrillic "\u0435" (U+0435) at character 5, which looks like the Latin "e": retype it.',
    ]);
  });

  it('a look-alike in a file name, renamed to the name without it', async () => {
    expect(await problemsIn({ 'people/kwam\u0435-asante.yaml': 'name: Kwame Asante\nrole: engineer\n' }, /^files\//)).toEqual([
      'people/kwam\u0435-asante.yaml:1 files/name people/kwam\u0435-asante.yaml: "kwam\u0435-asante" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them. Rename it to people/kwame-asante.yaml. "kwam\u0435-asante" contains a Cyrillic "\u0435" (U+0435) at character 5, which looks like the Latin "e": retype it.',
    ]);
    expect(await problemsIn({ 'council/2026\u201110\u201121.md': '---\ndate: 2026-10-21\n---\n' }, /^ids\//)).toEqual([
      'council/2026\u201110\u201121.md:2 ids/council-date Council minutes are named by their date, YYYY-MM-DD.md; "2026\u201110\u201121" is not a date. Rename the file to 2026-10-21.md. "2026\u201110\u201121" contains a non-breaking hyphen (U+2011) at characters 5 and 8, where "-" was probably meant: retype them.',
    ]);
    expect(await problemsIn({ 'phases/hyper\u2011growth.md': '---\nname: Hyper-growth\norder: 3\ncurrent: true\n---\n' }, /^org\//)).toEqual([
      'phases/hyper\u2011growth.md:2 org/phase-set "hyper\u2011growth" is not one of the four phases (experimenting, getting-traction, hyper-growth, optimizing). Did you mean "hyper-growth"? Rename the file to phases/hyper-growth.md. "hyper\u2011growth" contains a non-breaking hyphen (U+2011) at character 6, where "-" was probably meant: retype it.',
    ]);
  });

  it('a quarter, a field name, and characters of several kinds in one value', async () => {
    const stream = '---\nname: Payments\nroadmap:\n  - item: Instant payouts\n    quarter: 2026\u2014Q3\n---\n';
    expect(await problemsIn({ 'streams/payments.md': stream })).toEqual([
      'streams/payments.md:5 schema/format "roadmap[1].quarter": Expected a quarter written as YYYY-Qn, for example 2026-Q3. "2026\u2014Q3" contains an em dash (U+2014) at character 5, where "-" was probably meant: write "2026-Q3".',
    ]);
    expect(await problemsIn({ 'people/ada.yaml': 'name: Ada\nrole\u200B: engineer\n' }, /^schema\//)).toEqual([
      'people/ada.yaml:2 schema/unknown-key Unknown field "role\u200B" in a person file. Did you mean "role"? "role\u200B" contains an invisible zero-width space (U+200B) at the end: delete it.',
    ]);
    expect(await problemsIn(charter('interactions:\n  - team: payments\n    mode: \u201Cx\u2011as-a-service\u201D'), /^schema\//)).toEqual([
      'teams/ledger.md:7 schema/enum "\u201Cx\u2011as-a-service\u201D" is not a valid interactions[1].mode. Did you mean "x-as-a-service"? Use one of: collaboration, x-as-a-service, facilitating. "\u201Cx\u2011as-a-service\u201D" contains a left double quotation mark (U+201C) at character 1, where a straight quote (") was probably meant, a non-breaking hyphen (U+2011) at character 3, where "-" was probably meant, and a right double quotation mark (U+201D) at character 16, where a straight quote (") was probably meant: retype them.',
    ]);
  });

  it('leaves names and titles alone, accents and curly quotes included, and says nothing of accents in a refused id', async () => {
    const files = {
      ...kwame,
      'people/jose-diaz.yaml': 'name: José Díaz\ntitle: Ingeniero de \u201Cplataforma\u201D\u00A0\u2014 pagos\nrole: engineer\nreportsTo: josé-díaz\n',
    };
    expect(await problemsIn(files, /^(references|schema)\//)).toEqual([
      'people/jose-diaz.yaml:4 references/person No person has the id "josé-díaz" (in reportsTo). Did you mean "jose-diaz"? There is no people/josé-díaz.yaml.',
    ]);
  });
});

describe('finding pasted characters', () => {
  it('takes a Russian word for one, and a look-alike among Latin letters for a mistake', () => {
    expect(pastedCharacters('петров')).toBeUndefined();
    expect(pastedCharacters('José')).toBeUndefined();
    expect(pastedCharacters('p\u0435trov')?.plain).toBe('petrov');
    // Russian words are Russian, however short: "с" ("with") is not a Latin "c".
    expect(pastedCharacters('\u0440\u0430\u0431\u043e\u0442\u0430-\u0441-\u043a\u043e\u043c\u0430\u043d\u0434\u043e\u0439')).toBeUndefined();
  });

  it('reads curly quotes around a value as the quotes YAML would have taken, and drops spaces at its ends', () => {
    expect(pastedCharacters('\u201Cdraft\u201D')?.plain).toBe('draft');
    expect(pastedCharacters('\u00A0draft\u3000')?.plain).toBe('draft');
    expect(pastedCharacters('stream\u00A0aligned')?.plain).toBe('stream aligned');
    expect(pastedCharacters('\uFF12\uFF10\uFF12\uFF16\u2010Q3')?.plain).toBe('2026-Q3');
  });
});

describe('a field written in curly quotes (schema/curly-quotes)', () => {
  it('finds a value that starts and ends with a quotation mark YAML does not read as one', () => {
    expect(curlyQuotesAround('\u201CAda Lovelace\u201D')).toMatchObject({ inner: 'Ada Lovelace', open: { code: 'U+201C' }, close: { code: 'U+201D' } });
    expect(curlyQuotesAround('\u2018We don\u2019t ship on Fridays\u2019')?.inner).toBe('We don\u2019t ship on Fridays');
    expect(curlyQuotesAround('\u201DRunway\u201D')?.inner).toBe('Runway');
    // Quotes inside a value, two quotations, and a prime after a number are text as meant.
    expect(curlyQuotesAround('We say \u201Cno\u201D often')).toBeUndefined();
    expect(curlyQuotesAround('\u201CDone\u201D means \u201Cshipped\u201D')).toBeUndefined();
    expect(curlyQuotesAround('\u20325\u2032')).toBeUndefined();
    expect(curlyQuotesAround('\u201C\u201D')).toBeUndefined();
  });

  it('warns at the value, with the value in straight quotes, and leaves a value the schema refuses to its own message', async () => {
    const double = [{ character: '\u201C', code: 'U+201C', name: 'left double quotation mark' }, { character: '\u201D', code: 'U+201D', name: 'right double quotation mark' }] as const;
    const files = {
      ...charter('norms: [We say \u201Cno\u201D often, \u201CDone\u201D means \u201Cshipped\u201D]\ntechLead: \u201Ckwame-asante\u201D\nskills:\n  - \u201COwner of #ledger-oncall\u201D'),
      'teams/books.md': '---\nname: Books\ntype: platform\nstatus: draft\nmission: \u2018Keep the books: all of them\u2019\n---\n',
      'people/ada.yaml': 'name: \u201CAda Lovelace\u201D\nrole: cto\ntitle: \u201CSay "hi", then talk\u201D\n',
    };
    expect(await problemsIn(files, /^(schema|yaml|references)\//)).toEqual([
      `people/ada.yaml:1 schema/curly-quotes ${checkMessages.curlyQuotedValue('name', '\u201CAda Lovelace\u201D', double, '"Ada Lovelace"', 'Ada Lovelace')}`,
      `people/ada.yaml:3 schema/curly-quotes ${checkMessages.curlyQuotedValue('title', '\u201CSay "hi", then talk\u201D', double, `'Say "hi", then talk'`, undefined)}`,
      // Curly quotes around a value YAML cannot read as it stands, or cuts short: the fix writes straight ones.
      'teams/books.md:5 yaml/syntax The value of "mission" holds ": ", which YAML reads as the start of another field. Put the whole value in straight quotes (YAML reads curly ones as text): mission: "Keep the books: all of them".',
      // The id is refused as an id, and its message names the quotes: not said twice.
      'teams/ledger.md:6 references/person No person has the id "\u201Ckwame-asante\u201D" (in techLead). Did you mean "kwame-asante"? There is no people/\u201Ckwame-asante\u201D.yaml. "\u201Ckwame-asante\u201D" contains a left double quotation mark (U+201C) at character 1, where a straight quote (") was probably meant, and a right double quotation mark (U+201D) at character 14, where a straight quote (") was probably meant: retype them.',
      `teams/ledger.md:8 yaml/comment ${checkMessages.cutByComment('skills[0]', '\u201COwner of', '"Owner of #ledger-oncall"', true)}`,
    ]);
    expect(checkMessages.curlyQuotedValue('name', '\u201CAda Lovelace\u201D', double, '"Ada Lovelace"', 'Ada Lovelace')).toBe(
      '"name" is \u201CAda Lovelace\u201D, in curly quotes: a left double quotation mark (U+201C) and a right double quotation mark (U+201D). YAML does not read them as quotes, so the page would show them. Write "Ada Lovelace", with straight quotes, or Ada Lovelace, with none.',
    );
  });
});
