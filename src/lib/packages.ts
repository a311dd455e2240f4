import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version of a package installed in the project at `root`, or "unknown" when it is not
 * there (installed elsewhere, or not at all). What a build keeps between runs depends on
 * the versions of the tools that made it, so they are part of its cache keys.
 */
export function installedVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
