/**
 * The hash ring's side panel end to end, in Chromium, from inline scenarios (?s=): virtual
 * nodes from 1 to 100 with 10 nodes and CV falls; a key's owners as src/core's placement
 * computes them, the histogram's counts as `npm run sim` prints them; switching scheme shows
 * the comparison, and removing a middle node shows jump's cost; Add node moves keys only onto
 * the new node; bad lookups say why; screenshots at 1280×720 in English and Chinese; axe finds
 * no serious or critical violation on the panel.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { lookup } from '../../src/core/hashring/placement';
import { RingPanelPage } from './pages/hashring-panel';
import { seriousAxeViolations } from './support/axe';

const TEN = { protocol: 'hashring', nodes: 10, seed: 3, until: 4000, config: { vnodes: 100, keys: 10000, replicas: 3 } };

test('virtual nodes from 1 to 100 with 10 nodes: CV falls, the curve marks the new count', async ({ page }) => {
  const app = new RingPanelPage(page);
  await app.openScenario({ ...TEN, config: { ...TEN.config, vnodes: 1 } });
  await app.settled();
  const before = await app.cv();
  // One point per node: CV ≈ √(9/11) ≈ 0.9, far from even.
  expect(before).toBeGreaterThan(0.4);
  await expect(app.panel().locator('[data-vnodes-now="1"]')).toBeVisible();
  await app.setNumber('Virtual nodes per node', 100);
  await expect.poll(() => app.cv()).toBeLessThan(0.2);
  await app.settled();
  expect(await app.cv()).toBeLessThan(before / 3);
  await expect(app.control('Virtual nodes per node')).toHaveValue('100');
  // The reload gives focus back to the field it came from (never stranded on <body>).
  await expect(app.control('Virtual nodes per node')).toBeFocused();
  await expect(app.panel().locator('[data-vnodes-now="100"]')).toBeVisible();
  expect(app.inlineScenario()?.config?.vnodes).toBe(100);
  // Out of range: said beside the field, nothing reloads.
  await app.setNumber('Virtual nodes per node', 5000);
  await expect(app.panel().getByRole('alert')).toContainText('from 1 to 1,000');
  expect(app.inlineScenario()?.config?.vnodes).toBe(100);
});

test('a key’s owners are the placement’s, the histogram is what `npm run sim` prints', async ({ page }) => {
  const app = new RingPanelPage(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await app.openScenario(TEN);
  await app.settled();

  const dir = mkdtempSync(join(tmpdir(), 'ring-panel-'));
  const file = join(dir, 'ten.json');
  writeFileSync(file, JSON.stringify({ ...TEN, until: 500 }));
  const cli = spawnSync('npx', ['tsx', 'src/cli/sim.ts', file], { encoding: 'utf8' });
  expect(cli.status, cli.stderr).toBe(0);
  const printed = JSON.parse(cli.stdout) as { nodes: { id: number; keys: number }[] };
  expect(await app.barKeys()).toEqual(Object.fromEntries(printed.nodes.map((n) => [n.id, n.keys])));

  await app.lookup('key-42');
  await expect(app.lookupResult()).toBeVisible();
  const members = Array.from({ length: 10 }, (_, i) => i + 1);
  const expected = lookup({ scheme: 'ring', members, vnodes: 100, replicas: 3, loadFactor: 1.25, keys: 10000 }, 'key-42');
  expect(await app.lookupOwners()).toEqual(expected.owners);
  await expect(app.lookupResult()).toHaveAttribute('data-hash', String(expected.hash >>> 0));
  await expect(app.lookupResult()).toContainText(`0x${(expected.hash >>> 0).toString(16).padStart(8, '0')}`);
  expect(await app.selectedKey()).toBe('key-42');
  // Any text is a key; the same rule gives its owners.
  await app.lookup('hello world');
  await expect(app.lookupResult()).toHaveAttribute('data-lookup-key', 'hello world');
  expect(await app.lookupOwners()).toEqual(lookup({ scheme: 'ring', members, vnodes: 100, replicas: 3, loadFactor: 1.25, keys: 10000 }, 'hello world').owners);

  await app.lookup('');
  await expect(app.panel().getByRole('alert')).toHaveText('Type a key to look up.');
  await expect(app.lookupResult()).toHaveCount(0);
  expect(await app.selectedKey()).toBeNull();
  await app.lookup('k'.repeat(201));
  await expect(app.panel().getByRole('alert')).toHaveText('A key is at most 200 characters.');
  expect(errors).toEqual([]);
});

test('switching scheme shows the comparison; removing a middle node shows what jump pays', async ({ page }) => {
  const app = new RingPanelPage(page);
  await app.openScenario(TEN);
  await app.settled();
  await expect(app.compareRow('ring')).toHaveAttribute('data-current', 'true');
  await app.setScheme('jump');
  await expect(app.compareRow('jump')).toHaveAttribute('data-current', 'true');
  await expect(app.compareRow('ring')).not.toHaveAttribute('data-current', 'true');
  await expect(app.control('Scheme')).toHaveValue('jump');
  // Jump hash balances without vnodes: its CV is below the ring's at 100 points.
  await app.settled();
  expect(await app.compareCell('jump', 'cv')).toBeLessThan(await app.compareCell('ring', 'cv'));

  // n3 leaves for good: an operator's remove, from the inspector.
  await app.select(3);
  await page.locator('.side-panel').getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.locator('.side-panel').getByRole('button', { name: 'Remove', exact: true })).toHaveCount(0);
  // Its button gone with it, focus is on the inspector's Crash / Restart, not on <body>.
  await expect(page.locator('.side-panel [data-life]')).toBeFocused();
  await app.openPanelTab();
  await expect(app.changeRows()).toHaveCount(1);
  await expect(app.changeRows().first()).toHaveAttribute('data-action', 'remove');
  await app.settled();
  const ideal = await app.compareCell('ring', 'ideal');
  expect(ideal).toBe(1000);
  // The ring moves about n3's share; jump renumbers every bucket after n3's and moves far more.
  expect(await app.compareCell('ring', 'moved')).toBeLessThan(1.5 * ideal);
  expect(await app.compareCell('jump', 'moved')).toBeGreaterThan(1.5 * ideal);
  await expect(app.panel().locator('.ring-jump-note')).toBeVisible();
  // The change row says the same of the scheme in use: jump moved keys off nodes other than n3.
  await expect(app.changeRows().first().locator('[data-cell="moved"]')).toHaveText(new RegExp(`^${(await app.compareCell('jump', 'moved')).toLocaleString('en-US')} `));
  await expect(app.changeRows().first().locator('.ring-flow')).toContainText('n4 ');
});

test('Add node: the next free id joins and keys move only onto it', async ({ page }) => {
  const app = new RingPanelPage(page);
  await app.openScenario(TEN);
  await app.settled();
  await app.panel().getByRole('button', { name: 'Add node' }).click();
  await expect(app.changeRows()).toHaveCount(1);
  const row = app.changeRows().first();
  await expect(row).toHaveAttribute('data-action', 'add');
  await expect(row).toContainText('add n11');
  // Every moved key arrived at n11.
  await expect(row.locator('.ring-flow')).toHaveText(/→ n11 [\d,]+$/);
  await app.settled();
  expect(Object.keys(await app.barKeys()).map(Number)).toContain(11);
});

for (const lang of ['en', 'zh'] as const) {
  test(`screenshot at 1280×720 and axe: no serious or critical violation on the panel (${lang})`, async ({ page }, info) => {
    const app = new RingPanelPage(page);
    await app.openScenario({ ...TEN, script: [{ at: 300, do: 'remove', node: 4 }] }, { lang, frame: 400 });
    await app.settled();
    await expect(app.changeRows()).toHaveCount(1);
    await page.screenshot({ path: info.outputPath(`ring-panel-${lang}-top.png`) });
    // On the ring, a removal moves only the removed node's keys: every moved key left n4.
    await expect(app.changeRows().first().locator('.ring-flow')).toHaveText(/^n4 [\d,]+ → /);
    await app.lookup('key-7', lang === 'en' ? 'Look up a key' : '查找键');
    await expect(app.lookupResult()).toBeVisible();
    await page.screenshot({ path: info.outputPath(`ring-panel-${lang}.png`) });
    // The panel's part of the page (the stage is checked by its own tests).
    expect(await seriousAxeViolations(page, '.side-panel')).toEqual([]);
    await app.panel().locator('[data-chart="compare"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`ring-panel-${lang}-lower.png`) });
    await app.select(2);
    await page.locator('.tab-panel').evaluate((el) => el.scrollTo(0, 0));
    await expect(page.locator('.side-panel').getByRole('button', { name: lang === 'en' ? 'Remove' : '移除', exact: true })).toBeVisible();
    await page.screenshot({ path: info.outputPath(`ring-node-${lang}.png`) });
    expect(await seriousAxeViolations(page, '.side-panel')).toEqual([]);
  });
}

test('axe on the panel in the dark theme with large type, and its screenshot', async ({ page }, info) => {
  const app = new RingPanelPage(page);
  await app.openScenario({ ...TEN, config: { ...TEN.config, scheme: 'bounded' }, script: [{ at: 300, do: 'add', node: 11 }] }, { theme: 'dark', large: 1, frame: 400 });
  await app.settled();
  await expect(app.panel().locator('[data-line="cap"]')).toBeVisible();
  await expect(app.control('Load factor c (bounded)')).toHaveValue('1.25');
  await page.screenshot({ path: info.outputPath('ring-panel-dark-large.png') });
  expect(await seriousAxeViolations(page, '.side-panel')).toEqual([]);
});
