import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { astroCacheDir } from '../config.ts';
import { installedVersion } from '../packages.ts';

/**
 * What the check keeps from one run to the next: each file's YAML read as data, by a hash
 * of the file's text, and which Mermaid blocks parsed, by a hash of their source. Reading
 * the YAML of 9,000 files was 2 s of a 3.5 s check, and it ran again on every build.
 *
 * Only what follows from a file's text alone is kept; every rule still runs on every file
 * every time. Where a problem needs a line and column, the file's YAML is parsed again for
 * them (source.ts). Files with problems in their YAML are never kept, nor are blocks that
 * did not parse, so every error is found afresh.
 *
 * The file lives in Astro's cache folder for the content root, and is dropped when the
 * parsers that made it (yaml, Astro's frontmatter reader, Mermaid) or Node's serialiser
 * change version.
 */

/** What a file's text parses to, kept only for files whose YAML had no problem (and, for Markdown, that Astro's frontmatter reader reads alike). */
export interface CachedParse {
  data: Record<string, unknown>;
}

/** The cache file for a content root of the project at `root`. */
export function checkCacheFile(root: string, contentDir: string): string {
  return path.join(root, astroCacheDir(contentDir), 'handbook-check.bin');
}

/** The versions the kept results depend on. */
function cacheVersion(root: string): string {
  return JSON.stringify({
    format: 1,
    v8: process.versions.v8,
    yaml: installedVersion(root, 'yaml'),
    frontmatter: installedVersion(root, '@astrojs/internal-helpers'),
    mermaid: installedVersion(root, 'mermaid'),
  });
}

/** A hash of what a result follows from: a file's text and how it is read, or a diagram's source. */
export function cacheKey(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\0')).digest('base64url');
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

  /** The cache for a content root of the project at `root`; empty when missing, unreadable or of other versions. */
  static open(root: string, contentDir: string): CheckCache {
    const file = checkCacheFile(root, contentDir);
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
      const parse = v8.deserialize(stored) as CachedParse;
      this.#usedParses.add(key);
      this.reused.files += 1;
      return parse;
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
