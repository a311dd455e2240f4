import { parseArgs } from 'node:util';
import { generateOrganisation } from '../lib/generate/organisation.ts';
import { writeContent } from '../lib/generate/write.ts';

const usage = `Usage: npm run generate -- --out DIR [--teams 50] [--people N] [--minutes 6] [--assets 12] [--seed 1]
Writes a synthetic organisation, valid under the content model, to DIR (replacing it).
Without --people, each pod gets a tech lead and four engineers.`;

try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      teams: { type: 'string', default: '50' },
      people: { type: 'string' },
      minutes: { type: 'string', default: '6' },
      assets: { type: 'string', default: '12' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.out) {
    console.log(usage);
    process.exit(values.help ? 0 : 2);
  }
  const numbers = { teams: Number(values.teams), ...(values.people === undefined ? {} : { people: Number(values.people) }), minutes: Number(values.minutes), assets: Number(values.assets), seed: Number(values.seed) };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not "${String(values[name as keyof typeof values])}".`);
  }
  const files = generateOrganisation(numbers);
  writeContent(values.out, files);
  const people = [...files.keys()].filter((file) => file.startsWith('people/')).length;
  console.log(`Wrote ${files.size} files to ${values.out}: ${numbers.teams} teams, ${people} people, ${numbers.minutes} council minutes, ${numbers.assets} assets.`);
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
