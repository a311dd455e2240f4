import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { humanDate } from '../src/lib/dates.ts';
import { healthReport, healthSummary } from '../src/lib/health/report.ts';
import { healthMessages } from '../src/lib/messages.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { projectRoot, TEST_TODAY } from './helpers/site.ts';

const day = new Date(`${TEST_TODAY}T00:00:00Z`);
const settings = { reviewIntervalDays: 180, councilCadenceDays: 14 };
const labels = (report: ReturnType<typeof healthReport>, id: string) => report.find((section) => section.id === id)!.items.map((item) => item.label);

describe('health: what needs attention', () => {
  const sample = healthReport(readOrg(path.join(projectRoot, 'content'), day), settings);

  it('finds what the sample organisation has let slip, each linked to its page and file', () => {
    expect(sample.map((section) => section.id)).toEqual(['stale-charters', 'draft-charters', 'unowned-systems', 'no-tech-lead', 'people-on-no-team', 'stale-assets', 'overdue-actions', 'council-gaps']);
    expect(labels(sample, 'stale-charters')).toEqual(['Delivery Enablement']);
    const stale = sample[0]!.items[0]!;
    expect(stale).toMatchObject({ href: '/teams/delivery-enablement/', file: 'teams/delivery-enablement.md', detail: 'reviewed 263 days ago' });
    // The CEO is on no team's charter, but at the top of the organisation: not a gap.
    expect(labels(sample, 'people-on-no-team')).toEqual([]);
    expect(labels(sample, 'stale-assets')).toEqual(['Kestrel business model canvas', 'Platform Wardley map']);
    expect(labels(sample, 'overdue-actions')).toHaveLength(3);
    expect(labels(sample, 'unowned-systems')).toEqual([]);
    expect(labels(sample, 'no-tech-lead')).toEqual([]);
    expect(labels(sample, 'council-gaps')).toEqual([]);
    expect(labels(sample, 'draft-charters')).toEqual([]);
  });

  it('finds shared and draft-only systems, pods without a tech lead, and gaps in the council', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handbook-health-'));
    cpSync(path.join(projectRoot, 'content'), dir, { recursive: true });
    const edit = (file: string, from: RegExp, to: string) => writeFileSync(path.join(dir, file), readFileSync(path.join(dir, file), 'utf8').replace(from, to));
    // Ledger loses its tech lead (as a draft) and so its systems have only a draft owner; invoicing also claims one.
    edit('teams/ledger.md', /^techLead: .*$/m, 'status: draft');
    // A draft is not past its review date: it is listed with what it lacks.
    edit('teams/ledger.md', /^reviewed: .*$/m, 'reviewed: 2025-01-10');
    edit('teams/invoicing.md', /^owns:\n/m, 'owns:\n  - ledger\n');
    // A change logged after "updated": the asset counts as brought up to date then.
    edit('assets/kestrel-business-model-canvas.md', /^changes:\n/m, 'changes:\n  - { date: 2026-09-01, summary: New segment, why: Interviews }\n');
    // Two meetings go missing: a six-week gap.
    rmSync(path.join(dir, 'council/2026-10-07.md'));
    rmSync(path.join(dir, 'council/2026-10-21.md'));
    // Someone who reports to the CEO and is on no charter is left out of the org's teams.
    writeFileSync(path.join(dir, 'people/sam-lee.yaml'), 'name: Sam Lee\nrole: engineer\nreportsTo: amara-okafor\n');
    const report = healthReport(readOrg(dir, day), settings);
    // Ledger's tech lead, no longer named by the charter, is on no team now too.
    expect(labels(report, 'people-on-no-team')).toEqual(['Olga Ivanova', 'Sam Lee']);
    expect(labels(report, 'no-tech-lead')).toEqual(['Ledger']);
    expect(labels(report, 'stale-charters')).toEqual(['Delivery Enablement']);
    expect(labels(report, 'stale-assets')).toEqual(['Platform Wardley map']);
    expect(report.find((section) => section.id === 'draft-charters')!.items).toEqual([
      { label: 'Ledger', detail: 'a draft; still lacks a tech lead', href: '/teams/ledger/', file: 'teams/ledger.md' },
    ]);
    // A stream-aligned draft without its product manager is not ready: the check would refuse it active.
    edit('teams/invoicing.md', /^productManager: .*\n/m, 'status: draft\n');
    expect(healthReport(readOrg(dir, day), settings).find((section) => section.id === 'draft-charters')!.items.map((item) => `${item.label}: ${item.detail}`)).toEqual([
      'Invoicing: a draft; still lacks a product manager',
      'Ledger: a draft; still lacks a tech lead',
    ]);
    const systems = report.find((section) => section.id === 'unowned-systems')!.items;
    expect(systems.find((item) => item.label === 'ledger')?.detail).toBe(healthMessages.systemShared(['Invoicing', 'Ledger']));
    expect(systems.some((item) => item.detail === healthMessages.systemDraftOnly('Ledger'))).toBe(true);
    // September is "Sept" or "Sep" as the runtime's ICU writes en-GB.
    expect(labels(report, 'council-gaps')).toEqual([`${humanDate(new Date('2026-09-23T00:00:00Z'))} → 4 Nov 2026`]);
  });

  it('prints the same at the end of npm run check', async () => {
    const summary = healthSummary(sample);
    expect(summary.split('\n')[0]).toBe(healthMessages.summaryTitle(6));
    expect(summary).toContain('    teams/delivery-enablement.md  Delivery Enablement: reviewed 263 days ago');
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'src/cli/handbook.ts'), 'check'], {
      cwd: projectRoot,
      env: { ...process.env, HANDBOOK_TODAY: TEST_TODAY },
    });
    // From the project root, files are named as the other reports name them.
    const printed = stdout.slice(stdout.indexOf(healthMessages.summaryTitle(6)));
    expect(printed.trimEnd()).toBe(summary.replaceAll('    teams/', '    content/teams/').replaceAll('    people/', '    content/people/').replaceAll('    assets/', '    content/assets/').replaceAll('    council/', '    content/council/'));
  });
});
