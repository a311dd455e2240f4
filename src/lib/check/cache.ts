import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { astroCacheDir } from '../config.ts';
import { installedVersion } from '../packages.ts';

/**
 * What the check keeps from one run to the next: each file's YAML read as data, by a hash
 * of the file's text, and which Mermaid blocks parsed, by a hash of their source: at
 * 9,000 files, about 0.8 s of a 1.9 s check, which runs again on every build.
 *
 * Only what follows from a file's text alone is kept; every rule still runs on every file
 * every time. Where a problem needs a line and column, the file's YAML is parsed again for
 * them (source.ts). Files with problems in their YAML are never kept, nor are blocks that
 * did not parse, so every error is found afresh.
 *
 * The file lives in Astro's cache folder for the content root of the handbook's own
 * project, never under the content root. It is dropped when what made it changes: the
 * parsers (js-yaml, which Astro reads YAML with; yaml; Mermaid), Node's serialiser,
 * or the check's own reading code.
 */

/** What a file's text parses to, kept only for files whose YAML had no problem. */
export interface CachedParse {
  data: Record<string, unknown>;
}

const cacheFileName = 'handbook-check.bin';

/** The cache file for a content root, in Astro's cache folder for it in the project at `root` (see config.ts). */
export function checkCacheFile(root: string, contentDir: string): string {
  return path.join(root, astroCacheDir(contentDir), cacheFileName);
}

/** The check's own code that turns a file's text into what is kept. */
const readingCode = ['./source.ts', './cache.ts'];

/** What the kept results depend on besides the files' text. */
function cacheVersion(root: string): string {
  const code = createHash('sha256');
  for (const file of readingCode) {
    try {
      code.update(readFileSync(new URL(file, import.meta.url)));
    } catch {
      code.update(`${file} unreadable`);
    }
  }
  return JSON.stringify({
    v8: process.versions.v8,
    yaml: installedVersion(root, 'yaml'),
    'js-yaml': installedVersion(root, 'js-yaml'),
    frontmatter: installedVersion(root, '@astrojs/internal-helpers'),
    mermaid: installedVersion(root, 'mermaid'),
    code: code.digest('hex'),
  });
}

/** A hash of what a result follows from: a file's text and how it is read, or a diagram's source. */
export function cacheKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('base64url');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class CheckCache {
  /** Where the cache is kept; undefined keeps nothing. */
  readonly file: string | undefined;
  readonly version: string;
  /** Each entry serialised when stored, so that nothing done to the data during the check reaches the file. */
  readonly #parses: Map<string, Uint8Array>;
  readonly #diagrams: Set<string>;
  readonly #usedParses = new Set<string>();
  readonly #usedDiagrams = new Set<string>();
  #added = false;
  /** How many files and diagrams this run took from the cache instead of parsing them. */
  readonly reused = { files: 0, diagrams: 0 };

  private constructor(file: string | undefined, version: string, parses: Map<string, Uint8Array> = new Map(), diagrams: Iterable<string> = []) {
    this.file = file;
    this.version = version;
    this.#parses = parses;
    this.#diagrams = new Set(diagrams);
  }

  /** A cache that keeps nothing between runs (a check without a project, as in tests). */
  static none(): CheckCache {
    return new CheckCache(undefined, '');
  }

  /**
   * The cache kept in `cacheDir` (Astro's cache folder for the content root) by the
   * handbook project at `root`; empty when missing, unreadable or of other versions. It
   * keeps nothing when `root` has no installed packages to vouch for the versions, or when
   * the folder would be inside the content root, where the check would meet it as a file.
   */
  static open(cacheDir: string, root: string, contentDir: string): CheckCache {
    const file = path.resolve(cacheDir, cacheFileName);
    const inside = path.relative(path.resolve(contentDir), file);
    if (!existsSync(path.join(root, 'node_modules')) || !inside.startsWith('..')) return CheckCache.none();
    const version = cacheVersion(root);
    try {
      const stored = v8.deserialize(readFileSync(file)) as { version?: unknown; parses?: unknown; diagrams?: unknown };
      if (stored.version === version && stored.parses instanceof Map && Array.isArray(stored.diagrams)) {
        return new CheckCache(file, version, stored.parses as Map<string, Uint8Array>, stored.diagrams as string[]);
      }
    } catch {
      // No cache yet, or one this version cannot read: start empty.
    }
    return new CheckCache(file, version);
  }

  parse(key: string): CachedParse | undefined {
    const stored = this.#parses.get(key);
    if (stored === undefined) return undefined;
    try {
      const parse = v8.deserialize(stored) as Partial<CachedParse> | null;
      // A file of the right version but not of our making: parsed afresh, never trusted.
      if (!isPlainObject(parse) || !isPlainObject(parse.data)) return undefined;
      this.#usedParses.add(key);
      this.reused.files += 1;
      return { data: parse.data };
    } catch {
      return undefined;
    }
  }

  storeParse(key: string, parse: CachedParse): void {
    if (this.file === undefined) return;
    this.#parses.set(key, v8.serialize(parse));
    this.#usedParses.add(key);
    this.#added = true;
  }

  diagramParsed(key: string): boolean {
    const parsed = this.#diagrams.has(key);
    if (parsed) {
      this.#usedDiagrams.add(key);
      this.reused.diagrams += 1;
    }
    return parsed;
  }

  storeDiagram(key: string): void {
    if (this.file === undefined) return;
    this.#diagrams.add(key);
    this.#usedDiagrams.add(key);
    this.#added = true;
  }

  /**
   * Writes what this run used, and only that, so the file does not grow with every edit.
   * Written beside and renamed into place, so a check running at the same time reads the
   * old file or the new one, never half of one. Failing to write only costs the next run time.
   */
  save(): void {
    if (this.file === undefined) return;
    const dropped = this.#usedParses.size < this.#parses.size || this.#usedDiagrams.size < this.#diagrams.size;
    if (!this.#added && !dropped) return;
    const parses = new Map([...this.#usedParses].map((key) => [key, this.#parses.get(key)!]));
    const temporary = `${this.file}.${process.pid}`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, v8.serialize({ version: this.version, parses, diagrams: [...this.#usedDiagrams] }));
      renameSync(temporary, this.file);
    } catch {
      rmSync(temporary, { force: true });
    }
  }
}
