import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outputMessages } from '../messages.ts';
import { userError } from '../user-error.ts';
import { emptyExcept, forgetOutputRecord, pagesToKeep, readKeyedOutputs, readOutputRecord, sameFile, statOf, writeOutputRecord } from './keep.ts';

/**
 * Leaves unchanged pages of the last build in the output folder instead of having Astro
 * delete them and copy them back from its cache (see keep.ts). Two integrations: the first
 * goes before every step that reads the pages (diagrams, search), the second after them,
 * to record the pages only once nothing will change them any more. `spare` names top-level
 * folders another step keeps or replaces itself (the search index), left alone when the
 * record is of this output folder; `notKept` lists pages (relative to the output folder)
 * a later step changed beyond what Astro's cache key covers (the diagram step's).
 * `leftInPlace(page)` tells later steps whether a page is still the one the last build
 * left: such a page needs no step's work again (the diagram step then skips reading it).
 */
export function handbookOutput(
  options: { spare?: readonly string[]; notKept?: () => readonly string[] } = {},
): [AstroIntegration & { leftInPlace(page: string): boolean }, AstroIntegration] {
  let outDir = '';
  let cacheDir = '';
  let kept = new Map<string, { size: number; mtimeMs: number }>();
  return [
    {
      name: 'handbook-output',
      leftInPlace(page) {
        const before = kept.get(page);
        return before !== undefined && sameFile(statOf(path.join(outDir, page)), before);
      },
      hooks: {
        'astro:config:setup': ({ command, updateConfig }) => {
          // Astro would empty the folder itself; we do, sparing what keep.ts allows.
          if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
        },
        'astro:config:done': ({ config }) => {
          outDir = fileURLToPath(config.outDir);
          cacheDir = fileURLToPath(config.cacheDir);
        },
        'astro:build:start': ({ logger }) => {
          // `astro build --force` renders every page again: nothing is left in place, and the
          // log does not say otherwise. Astro gives integrations no sign of the flag but argv.
          const record = process.argv.includes('--force') ? undefined : readOutputRecord(cacheDir);
          kept = pagesToKeep(record, outDir, readKeyedOutputs(cacheDir), statOf);
          // A build that stops half way leaves pages no record describes.
          forgetOutputRecord(cacheDir);
          emptyExcept(outDir, new Set(kept.keys()), record && path.resolve(record.outDir) === path.resolve(outDir) ? options.spare : []);
          if (kept.size > 0) logger.info(outputMessages.kept(kept.size));
        },
        'astro:build:generated': () => {
          // A page kept from the last build whose entry is gone (a charter deleted, minutes
          // renamed) is not in this build's manifest: it must not be served or indexed. One
          // this build wrote again (it changed) is current, keyed or not.
          const current = readKeyedOutputs(cacheDir);
          // Astro writes its manifest before this hook; without it, what is current is unknown.
          if (!current && kept.size > 0) throw userError(outputMessages.noManifest);
          if (!current) return;
          for (const [file, before] of kept) {
            const now = current.has(file) ? undefined : statOf(path.join(outDir, file));
            if (sameFile(now, before)) removeWithEmptyFolders(outDir, file);
          }
        },
      },
    },
    {
      name: 'handbook-output-record',
      hooks: {
        'astro:build:done': () => {
          writeOutputRecord(cacheDir, outDir, readKeyedOutputs(cacheDir) ?? new Set<string>(), new Set(options.notKept?.() ?? []));
        },
      },
    },
  ];
}

function removeWithEmptyFolders(outDir: string, file: string): void {
  try {
    unlinkSync(path.join(outDir, file));
  } catch {
    return;
  }
  for (let folder = path.dirname(path.join(outDir, file)); folder.startsWith(outDir + path.sep); folder = path.dirname(folder)) {
    if (readdirSync(folder).length > 0) break;
    rmdirSync(folder);
  }
}
