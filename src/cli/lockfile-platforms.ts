/**
 * Restores lockfile entries for other platforms' optional native bindings.
 *
 * When the registry an install runs against lacks some platform packages (a mirror that
 * only carries linux-x64, say), npm leaves them out of package-lock.json, and `npm ci`
 * then rejects the lockfile as out of sync. This adds each missing optional dependency
 * back with the os/cpu/libc constraints its name states, so every platform skips the
 * ones that are not its own, exactly as with a lockfile written against the full registry.
 *
 * Usage: npm run lockfile:platforms   (after any `npm install` that changes the lockfile)
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  [key: string]: unknown;
}

const FILE = 'package-lock.json';
const lock = JSON.parse(readFileSync(FILE, 'utf8')) as { packages: Record<string, LockEntry> };

const oses = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'sunos', 'win32', 'aix'];
const cpus = ['arm64', 'arm', 'x64', 'ia32', 'ppc64', 'riscv64', 's390x', 'loong64', 'wasm32'];

/** Reads `…-linux-arm64-musl` as os linux, cpu arm64, libc musl. */
function constraints(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> | undefined {
  const parts = name.split('/').pop()!.split('-');
  const os = parts.find((part) => oses.includes(part));
  const cpu = parts.find((part) => cpus.includes(part));
  if (!cpu) return undefined;
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') && os === 'linux' ? 'glibc' : undefined;
  return { cpu: [cpu], ...(os ? { os: [os] } : {}), ...(libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[base] || lock.packages[hoisted]) continue;
    const platform = constraints(name);
    if (!platform) continue;
    lock.packages[hoisted] = { version, ...platform, optional: true };
    added += 1;
    console.log(`added ${name}@${version} (${[...(platform.os ?? []), ...platform.cpu!, ...(platform.libc ?? [])].join(', ')})`);
  }
}

if (added > 0) {
  const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
  writeFileSync(FILE, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
}
console.log(added > 0 ? `${FILE}: restored ${added} platform entries.` : `${FILE}: no platform entries missing.`);
