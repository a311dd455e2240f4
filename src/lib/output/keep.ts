import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which pages of the last build a rebuild may leave where they are.
 *
 * Astro empties the output folder before every build, so an incremental rebuild copies
 * each unchanged page back from its cache: 9,000 files at 1,000 teams, a third of the
 * rebuild. With Vite's `emptyOutDir` off, Astro leaves a page that is already in the
 * folder when its cache key says it is unchanged. That is only safe for a file this
 * handbook's last build wrote and nothing touched since, so the build records each keyed
 * page's size and time when it ends, and keeps a file only when both still match;
 * everything else in the folder goes, as before. Pages the diagram step drew on are not
 * recorded: how a diagram is drawn is not in Astro's key, so they are drawn every build.
 */

/** The file, in Astro's cache folder, where Astro's incremental build lists what it wrote. */
const astroManifest = 'incremental-build.json';
/** Our record of the output folder, next to Astro's manifest. */
const outputRecord = 'handbook-output.json';

/** The pages a finished build left, by path under the output folder: size in bytes and modification time in ms. */
export interface OutputRecord {
  outDir: string;
  pages: Record<string, [size: number, modified: number]>;
}

/**
 * The page files Astro's incremental manifest says it may reuse (paths under the output
 * folder), or undefined when the manifest is missing or in a form we do not know: then
 * nothing is kept.
 */
export function keyedOutputs(manifestText: string | undefined): Set<string> | undefined {
  if (manifestText === undefined) return undefined;
  try {
    const manifest = JSON.parse(manifestText) as { version?: unknown; routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
    if (manifest.version !== 1 || typeof manifest.routes !== 'object' || manifest.routes === null) return undefined;
    const files = new Set<string>();
    for (const route of Object.values(manifest.routes)) {
      for (const entry of Object.values(route.paths ?? {})) if (typeof entry.outputFile === 'string') files.add(entry.outputFile);
    }
    return files;
  } catch {
    return undefined;
  }
}

/**
 * The pages to leave in the output folder, with their size and time now: keyed in the
 * manifest, recorded by the last build into this same folder, and unchanged since.
 */
export function pagesToKeep(
  record: OutputRecord | undefined,
  outDir: string,
  keyed: Set<string> | undefined,
  stat: (file: string) => { size: number; mtimeMs: number } | undefined,
): Map<string, { size: number; mtimeMs: number }> {
  const keep = new Map<string, { size: number; mtimeMs: number }>();
  if (!record || !keyed || path.resolve(record.outDir) !== path.resolve(outDir)) return keep;
  for (const [file, recorded] of Object.entries(record.pages)) {
    if (!keyed.has(file) || !isInside(file) || !Array.isArray(recorded)) continue;
    const [size, mtimeMs] = recorded;
    const now = stat(path.join(outDir, file));
    if (sameFile(now, { size, mtimeMs })) keep.set(file, now!);
  }
  return keep;
}

/** A relative path that stays inside the folder it is joined to (the record is a file on disk; trust none of it). */
function isInside(file: string): boolean {
  return file !== '' && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..');
}

/**
 * Deletes everything in the output folder but the pages to keep, the top-level folders to
 * spare (a later step of the build decides what to keep of them) and a `.git` folder at
 * its top, which some deploy from (Astro means to spare it too, but passes its emptyDir
 * `new Set(".git")`, a set of four letters). Folders with nothing to keep go whole.
 */
export function emptyExcept(outDir: string, keep: Set<string>, spare: readonly string[] = []): void {
  if (!existsSync(outDir)) return;
  const keptFolders = new Set<string>();
  for (const file of keep) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) keptFolders.add(folder);
  }
  const sweep = (relative: string): void => {
    for (const entry of readdirSync(path.join(outDir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const full = path.join(outDir, child);
      if (relative === '' && (entry.name === '.git' || spare.includes(entry.name))) continue;
      // A folder with a page to keep below it is never left empty: no need to look again.
      if (entry.isDirectory() && keptFolders.has(child)) {
        sweep(child);
      } else if (entry.isDirectory()) {
        rmSync(full, { recursive: true, force: true });
      } else if (!keep.has(child)) {
        unlinkSync(full);
      }
    }
  };
  sweep('');
}

/** Reads Astro's incremental manifest in a cache folder. */
export function readKeyedOutputs(cacheDir: string): Set<string> | undefined {
  const file = path.join(cacheDir, astroManifest);
  return keyedOutputs(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
}

/** The record the last finished build left, if any and readable. */
export function readOutputRecord(cacheDir: string): OutputRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path.join(cacheDir, outputRecord), 'utf8')) as OutputRecord;
    return typeof record.outDir === 'string' && typeof record.pages === 'object' && record.pages !== null ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the keyed pages a finished build left in the output folder, but those a later
 * step changed in ways Astro's cache key does not cover (`notKept`: the diagram step's pages).
 */
export function writeOutputRecord(cacheDir: string, outDir: string, keyed: Set<string>, notKept: ReadonlySet<string> = new Set()): void {
  const pages: OutputRecord['pages'] = {};
  for (const file of keyed) {
    const stat = notKept.has(file) ? undefined : statOf(path.join(outDir, file));
    if (stat) pages[file] = [stat.size, stat.mtimeMs];
  }
  writeFileSync(path.join(cacheDir, outputRecord), JSON.stringify({ outDir: path.resolve(outDir), pages } satisfies OutputRecord));
}

/** Forgets the record: from here until the build ends, the output folder is being written. */
export function forgetOutputRecord(cacheDir: string): void {
  rmSync(path.join(cacheDir, outputRecord), { force: true });
}

/** Whether a file is still the one seen before: same size and modification time. */
export function sameFile(now: { size: number; mtimeMs: number } | undefined, before: { size: number; mtimeMs: number } | undefined): boolean {
  return now !== undefined && before !== undefined && now.size === before.size && now.mtimeMs === before.mtimeMs;
}

export function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = statSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}
