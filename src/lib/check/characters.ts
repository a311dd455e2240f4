import { checkMessages } from '../messages.ts';
import { closest } from './suggest.ts';

/**
 * Characters that text pasted from Google Docs, Slack or Word brings along, which a reader
 * cannot tell from the ones meant: a zero-width space, a non-breaking hyphen for "-", a
 * Cyrillic "е" for the Latin "e". `kwame‑asante` and `kwame-asante` look the same, so a
 * message that rejects the value names the character, where it is, and the value without
 * it. Only values the check rejects (an id, a date, a choice from a list) are looked at:
 * "José" in a name is nobody's mistake.
 */

/**
 * invisible: stands for nothing; space: a space that is not the plain one; sign: another
 * character standing for an ASCII one; letter: a Cyrillic or Greek letter drawn like a Latin one.
 */
export type PastedKind = 'invisible' | 'space' | 'sign' | 'letter';

/** One character found in a value, with every place it stands. */
export interface PastedCharacter {
  character: string;
  /** `U+2011`. */
  code: string;
  /** Its Unicode name in lowercase, or a short one (`Cyrillic "е"`, `fullwidth "２"`). */
  name: string;
  kind: PastedKind;
  /** What was likely meant in its place: `-`, `e`, a space, or nothing. */
  meant: string;
  /** 1-based positions in the value, counted in characters as written, with the text before each. */
  places: { at: number; before: string; last: boolean }[];
}

interface Known {
  name: string;
  kind: PastedKind;
  meant: string;
}

const table = new Map<number, Known>();
const add = (kind: PastedKind, meant: string, entries: Record<number, string>) => {
  for (const [code, name] of Object.entries(entries)) table.set(Number(code), { name, kind, meant });
};
// The invisible characters that `visibleCharacter` (schemas/common.ts) does not count as text.
add('invisible', '', {
  0x00ad: 'soft hyphen',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'byte-order mark',
});
add('space', ' ', {
  0x00a0: 'non-breaking space',
  0x1680: 'Ogham space mark',
  0x2000: 'en quad',
  0x2001: 'em quad',
  0x2002: 'en space',
  0x2003: 'em space',
  0x2004: 'three-per-em space',
  0x2005: 'four-per-em space',
  0x2006: 'six-per-em space',
  0x2007: 'figure space',
  0x2008: 'punctuation space',
  0x2009: 'thin space',
  0x200a: 'hair space',
  0x202f: 'narrow no-break space',
  0x205f: 'medium mathematical space',
  0x3000: 'ideographic space',
});
add('sign', '-', {
  0x2010: 'hyphen',
  0x2011: 'non-breaking hyphen',
  0x2012: 'figure dash',
  0x2013: 'en dash',
  0x2014: 'em dash',
  0x2015: 'horizontal bar',
  0x2043: 'hyphen bullet',
  0x2212: 'minus sign',
  0xfe58: 'small em dash',
  0xfe63: 'small hyphen-minus',
  0xff0d: 'fullwidth hyphen-minus',
});
add('sign', "'", {
  0x2018: 'left single quotation mark',
  0x2019: 'right single quotation mark',
  0x201a: 'single low-9 quotation mark',
  0x201b: 'single high-reversed-9 quotation mark',
  0x2032: 'prime',
  0x2039: 'single left-pointing angle quotation mark',
  0x203a: 'single right-pointing angle quotation mark',
});
add('sign', '"', {
  0x201c: 'left double quotation mark',
  0x201d: 'right double quotation mark',
  0x201e: 'double low-9 quotation mark',
  0x201f: 'double high-reversed-9 quotation mark',
  0x2033: 'double prime',
  0x00ab: 'left-pointing double angle quotation mark',
  0x00bb: 'right-pointing double angle quotation mark',
});

/** Cyrillic and Greek letters drawn like a Latin one, and that letter. */
const lookalikes: Record<string, string> = {
  // Cyrillic
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  // Greek
  α: 'a', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

const otherScript = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const letter = /\p{L}/u;

/**
 * Which letters of a value are look-alikes: those of a word with Latin letters whose every
 * Cyrillic or Greek letter is one. "kwamе" (a Cyrillic е) is flagged; "петров" and "с"
 * are Russian words, whose letters are not mistakes.
 */
function lookalikeLetters(characters: string[]): Set<number> {
  const flagged = new Set<number>();
  let start = 0;
  for (let index = 0; index <= characters.length; index++) {
    if (index < characters.length && letter.test(characters[index]!)) continue;
    const word = characters.slice(start, index);
    const foreign = word.map((character, offset) => [character, start + offset] as const).filter(([character]) => otherScript.test(character));
    // A word in Cyrillic or Greek alone is that language ("с" is Russian for "with"); a look-alike hides among Latin letters.
    const latin = word.some((character) => /\p{Script=Latin}/u.test(character));
    if (latin && foreign.every(([character]) => character in lookalikes)) for (const [, at] of foreign) flagged.add(at);
    start = index + 1;
  }
  return flagged;
}

const codeOf = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What a character found in a value is, if it is one that pasting brings. */
function classify(character: string, flagged: boolean): Known | undefined {
  const point = character.codePointAt(0)!;
  const known = table.get(point);
  if (known) return known;
  // The fullwidth forms of ASCII (２, Ａ, ／) sit 0xFEE0 above it.
  if (point >= 0xff01 && point <= 0xff5e) return { name: `fullwidth "${character}"`, kind: 'sign', meant: String.fromCodePoint(point - 0xfee0) };
  if (flagged) return { name: `${/\p{Script=Greek}/u.test(character) ? 'Greek' : 'Cyrillic'} "${character}"`, kind: 'letter', meant: lookalikes[character]! };
  return undefined;
}

/**
 * The characters of a value that pasting brings, each with its places, and the value
 * with each replaced by what was likely meant: invisible ones and spaces at either end
 * dropped, and curly quotes around the whole value taken as the quotes YAML would have
 * read had they been straight (`“draft”` is `draft`). Undefined when there are none.
 */
export function pastedCharacters(value: string): { found: PastedCharacter[]; plain: string } | undefined {
  const characters = Array.from(value);
  const flagged = lookalikeLetters(characters);
  const found = new Map<string, PastedCharacter>();
  const out: { text: string; quote: boolean }[] = [];
  characters.forEach((character, index) => {
    const known = classify(character, flagged.has(index));
    if (!known) {
      out.push({ text: character, quote: false });
      return;
    }
    const entry = found.get(character) ?? { character, code: codeOf(character), ...known, places: [] };
    entry.places.push({ at: index + 1, before: characters.slice(0, index).join(''), last: index === characters.length - 1 });
    found.set(character, entry);
    out.push({ text: known.meant, quote: known.meant === '"' || known.meant === "'" });
  });
  if (found.size === 0) return undefined;
  while (out.length > 0 && out[0]!.text.trim() === '') out.shift();
  while (out.length > 0 && out.at(-1)!.text.trim() === '') out.pop();
  if (out.length >= 2 && out[0]!.quote && out.at(-1)!.quote && out[0]!.text === out.at(-1)!.text) {
    out.shift();
    out.pop();
  }
  return { found: [...found.values()], plain: out.map((item) => item.text).join('').trim() };
}

/** A quotation mark that is not a straight one, named: what `curlyQuotesAround` finds at each end. */
export interface CurlyQuote {
  character: string;
  /** `U+201C`. */
  code: string;
  /** `left double quotation mark`. */
  name: string;
}

/**
 * The curly quotes a whole value is written in (`“Ada Lovelace”`, `‘Runway’`), pasted from
 * a word processor where straight ones were meant: YAML reads only straight quotes as
 * quotes, so these stay in the text. Undefined unless the value starts and ends with a
 * quotation mark that is not straight, and the one it starts with does not come back
 * inside it: `“Done” means “shipped”` is two quotations, and `We say “no”` one inside.
 */
export function curlyQuotesAround(value: string): { open: CurlyQuote; close: CurlyQuote; inner: string } | undefined {
  const characters = Array.from(value);
  if (characters.length < 3) return undefined;
  const quote = (character: string): CurlyQuote | undefined => {
    const known = table.get(character.codePointAt(0)!);
    // Quotation marks only: a prime (′) after a number is a unit, not a quote.
    return known && known.kind === 'sign' && (known.meant === '"' || known.meant === "'") && known.name.includes('quotation mark')
      ? { character, code: codeOf(character), name: known.name }
      : undefined;
  };
  const open = quote(characters[0]!);
  const close = quote(characters.at(-1)!);
  const inner = characters.slice(1, -1).join('');
  if (!open || !close || inner.includes(open.character) || inner.trim() === '') return undefined;
  return { open, close, inner };
}

/** What pasted characters tell about a value the check rejects. */
export interface Pasted {
  value: string;
  found: PastedCharacter[];
  /** The value with them replaced by what was likely meant: what to look up a suggestion by. */
  plain: string;
  /** Whether `plain` is a value the check takes. */
  fixed: boolean;
}

/** The pasted characters in a rejected value, and whether the value without them is right (`valid`). */
export function pastedInto(value: string, valid: (plain: string) => boolean): Pasted | undefined {
  const pasted = pastedCharacters(value);
  if (!pasted) return undefined;
  return { value, ...pasted, fixed: pasted.plain !== '' && valid(pasted.plain) };
}

/**
 * A message with the sentence naming the pasted characters of its value after it. It says
 * to write the value without them when that is right, unless the message already names
 * it (`named`: its "did you mean" or the name to rename a file to).
 */
export function withPasted(message: string, pasted: Pasted | undefined, named = false): string {
  if (!pasted) return message;
  return `${message} ${checkMessages.pastedCharacters(pasted.value, pasted.found, pasted.fixed && !named ? pasted.plain : undefined)}`;
}

/**
 * A message about a value that is not one of `candidates`, given the candidate it likely
 * meant (`suggest`, looked up without the value's pasted characters), with those
 * characters named after it.
 */
export function explainedAmong(
  value: string,
  candidates: Iterable<string>,
  message: (suggestion: string | undefined) => string,
  suggest: (value: string, candidates: Iterable<string>) => string | undefined = closest,
): string {
  const { pasted, suggestion } = meantAmong(value, candidates, suggest);
  return withPasted(message(suggestion), pasted, suggestion !== undefined && suggestion === pasted?.plain);
}

/** The candidate a value likely meant, looked up without its pasted characters, and those characters. */
export function meantAmong(
  value: string,
  candidates: Iterable<string>,
  suggest: (value: string, candidates: Iterable<string>) => string | undefined = closest,
): { pasted: Pasted | undefined; suggestion: string | undefined } {
  const known = candidates instanceof Set ? (candidates as ReadonlySet<string>) : new Set(candidates);
  const pasted = pastedInto(value, (plain) => known.has(plain));
  return { pasted, suggestion: suggest(pasted?.plain ?? value, known) };
}
