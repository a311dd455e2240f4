#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir, loadConfig } from '../lib/config.ts';
import { healthReport, healthSummary } from '../lib/health/report.ts';
import { collectionFolders } from '../lib/content/collections.ts';
import { healthMessages } from '../lib/messages.ts';
import { formatGithub, formatJson, formatPretty, formats, type Format } from '../lib/check/format.ts';
import { CheckCache } from '../lib/check/cache.ts';
import { checkContent } from '../lib/check/run.ts';

const usage = `Usage: handbook check [--content DIR] [--format pretty|json|github]

  --content DIR   content root to check (default: "content" in handbook.config.json, or HANDBOOK_CONTENT)
  --format        pretty (default, for people), json (a JSON array on stdout), github (workflow annotations)

Exit code: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or internal failure.`;

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(usage);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check') fail(`Unknown command "${command}".`);
  let values: { content?: string | undefined; format?: string | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { content: { type: 'string' }, format: { type: 'string', default: 'pretty' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const format = values.format as Format;
  if (!formats.includes(format)) fail(`Unknown format "${values.format}". Use pretty, json or github.`);

  const config = loadConfig();
  const contentDir = values.content ? path.resolve(values.content) : config.contentDir;
  // The handbook's own project, wherever the command runs from: its cache goes where the build's does,
  // and links name the files of its public/ (config.ts's publicDir when run from the project).
  const project = path.resolve(import.meta.dirname, '../..');
  const cache = CheckCache.open(path.join(project, astroCacheDir(contentDir)), project, contentDir);
  const { problems, files, org, outsideOrg } = await checkContent(contentDir, { settings: config.check, cache, publicDir: path.join(project, 'public') });
  const output =
    format === 'json' ? formatJson(problems) : format === 'github' ? formatGithub(problems) : formatPretty(problems, files, process.stdout.isTTY === true);
  if (output) console.log(output);
  // What needs attention beyond correctness, as /health/ shows it; machine formats stay machine-readable.
  if (format === 'pretty') {
    const unread = [...outsideOrg].map((collection) => `${collectionFolders[collection].folder}/`).sort();
    console.log(`\n${unread.length > 0 ? healthMessages.summaryWithheld(unread) : healthSummary(healthReport(org, config.check))}`);
  }
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Internal failures still get one readable line, not a stack trace.
  console.error(`handbook: ${(error as Error).message}`);
  process.exitCode = 2;
}
