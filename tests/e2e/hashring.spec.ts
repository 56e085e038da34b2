/**
 * The hash ring's stage end to end: kill a node and see only its keys move (the canvas
 * animates exactly the CLI's `moved` for that change, every moved key leaves the dead
 * node); add one and see keys move only onto it; the looked-up key's replicas drawn; the
 * router's declaration announced; the 800×450 embed fits (normal and large type); axe clean.
 */
import { expect, test } from '@playwright/test';
import { embedFit, openEmbed } from './pages/embed';
import { cliRun, RingPage } from './pages/hashring';
import { seriousAxeViolations } from './support/axe';

/** ring-basic without its script: the user's actions are the only changes. */
const QUIET = { protocol: 'hashring', nodes: 10, seed: 1, until: 6000, config: { scheme: 'ring', vnodes: 100, keys: 10000, replicas: 3 } };

test('kill a node: the router declares it down, and only its keys move (as many as the CLI says)', async ({ page }) => {
  const ring = new RingPage(page);
  await ring.openScenario(QUIET);
  await ring.seekTime(1000);
  await ring.waitDrawn();
  const before = await ring.keyCounts();
  expect(Object.keys(before).length).toBe(10);
  await ring.crash(5);
  await expect(ring.node(5)).toHaveAttribute('data-role', 'member');
  await ring.seekTime(2500);
  await expect(ring.node(5)).toHaveAttribute('data-declared-down', 'true');
  await expect(ring.node(5)).toHaveAttribute('data-role', 'down');
  await expect(ring.node(5)).toHaveAttribute('data-alive', 'false');
  await expect(ring.node(5)).toHaveAttribute('data-keys', '0');
  await expect(ring.announce()).toHaveText('The router declares n5 down; its keys move');
  const v = await ring.waitDrawn();
  expect(v).toBe(1);

  // The CLI on the scenario the address now carries (the crash recorded into its script).
  const scenario = ring.addressScenario();
  expect(scenario?.script?.some((a) => a.do === 'crash' && a.node === 5)).toBe(true);
  const cli = await cliRun(scenario);
  const change = cli.changes[0];
  expect(change.action).toBe('crash');
  expect(change.node).toBe(5);
  expect(Object.keys(change.from)).toEqual(['5']);
  expect(await ring.moving()).toBe(change.moved);
  expect(change.moved).toBe(before[5]);
  // Nobody lost a key; everyone else gained exactly what the CLI says moved to them.
  const after = await ring.keyCounts();
  for (let id = 1; id <= 10; id++) {
    if (id === 5) continue;
    expect(after[id] - before[id], `n${id}`).toBe(change.to[id] ?? 0);
  }
});

test('the panel updates once the moved keys have landed, not during the move (keyMotion.ts)', async ({ page }) => {
  const ring = new RingPage(page);
  await ring.openScenario(QUIET);
  await ring.seekTime(1000);
  await ring.waitDrawn();
  const panel = page.locator('.ring-panel');
  await expect(panel).toHaveAttribute('data-ring-version', '0');
  // Note, at every change of the panel's version, what the canvas had settled on by then.
  await page.evaluate(() => {
    const seen: { panel: string; settled: string; moving: string }[] = [];
    (window as unknown as { __panelSeen: typeof seen }).__panelSeen = seen;
    // The whole page: a user's action reloads the run, and the panel and canvas may be new elements.
    new MutationObserver((list) => {
      for (const m of list) {
        const p = m.target as HTMLElement;
        if (!p.classList.contains('ring-panel')) continue;
        const c = document.querySelector<HTMLElement>('[data-testid=ring-keys]');
        seen.push({ panel: p.getAttribute('data-ring-version') ?? '', settled: c?.dataset.settled ?? '', moving: c?.dataset.moving ?? '' });
      }
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-ring-version'] });
  });
  await ring.crash(5);
  // The crash was given from the node's tab: back to the ring's panel before the change.
  await page.getByRole('tab').first().click();
  await expect(panel).toHaveAttribute('data-ring-version', '0');
  await ring.seekTime(2500);
  await expect(ring.keys()).toHaveAttribute('data-settled', '1');
  await expect(panel).toHaveAttribute('data-ring-version', '1');
  const seen = await page.evaluate(() => (window as unknown as { __panelSeen: { panel: string; settled: string; moving: string }[] }).__panelSeen);
  // The move was animated (keys moved), and the panel's version changed only once the canvas had the new version settled.
  expect(Number(await ring.moving())).toBeGreaterThan(0);
  expect(seen.filter((x) => x.panel === '1')).toEqual([{ panel: '1', settled: '1', moving: await ring.keys().getAttribute('data-moving') }]);
});

test('add a node: keys move only onto it, as many as the CLI says', async ({ page }) => {
  const ring = new RingPage(page);
  await ring.openScenario(QUIET);
  await ring.seekTime(1000);
  await ring.waitDrawn();
  const before = await ring.keyCounts();
  await ring.stageButton('Add node').click();
  await expect(ring.node(11)).toHaveAttribute('data-role', 'member');
  await expect(ring.announce()).toHaveText('n11 joins the ring');
  await ring.waitDrawn();
  const cli = await cliRun(ring.addressScenario());
  const change = cli.changes[0];
  expect([change.action, change.node]).toEqual(['add', 11]);
  expect(Object.keys(change.to)).toEqual(['11']);
  expect(await ring.moving()).toBe(change.moved);
  expect(await ring.keysOf(11)).toBe(change.moved);
  const after = await ring.keyCounts();
  for (let id = 1; id <= 10; id++) {
    // Only ever a loss, and exactly the CLI's.
    expect(before[id] - after[id], `n${id}`).toBe(change.from[id] ?? 0);
  }
  // Remove it again (the inspector's Remove): its keys go back.
  await ring.select(11);
  await ring.button('Remove').click();
  await expect(ring.node(11)).toHaveCount(0);
  await ring.waitDrawn();
  expect(await ring.moving()).toBe(change.moved);
  expect(await ring.keyCounts()).toEqual(before);
});

test('a looked-up key: its position marked and a line to each of its R owners, ranked', async ({ page }) => {
  const ring = new RingPage(page);
  await ring.openScenario(QUIET);
  const box = page.getByLabel('Look up a key');
  await box.fill('key-42');
  await box.press('Enter');
  const mark = page.locator('.ring-key[data-key="key-42"]');
  await expect(mark).toBeVisible();
  const owners = (await mark.getAttribute('data-owners'))!.split(',').map(Number);
  expect(owners.length).toBe(3);
  expect(new Set(owners).size).toBe(3);
  for (const [i, id] of owners.entries()) await expect(mark.locator(`[data-rank="${i + 1}"][data-owner="${id}"]`)).toHaveCount(1);
  await expect(page.locator('.ring-lookup-result')).toHaveAttribute('data-owners', owners.join(','));
});

test('the heartbeats arrive at the router and each member shows its suspicion; a crash fills the meter', async ({ page }) => {
  const ring = new RingPage(page);
  await ring.openScenario(QUIET);
  await ring.seekTime(1000);
  await expect(page.locator('.msg[data-glyph="heartbeat"]').first()).toBeAttached();
  await ring.crash(2);
  // Half-way to the detector's deadline the router suspects it: data-role says so before the declaration.
  let suspected = false;
  for (let t = 1050; t < 2500 && !suspected; t += 25) {
    await ring.seekTime(t);
    const role = await ring.node(2).getAttribute('data-role');
    if (role === 'down') break;
    suspected = role === 'suspect';
  }
  expect(suspected).toBe(true);
  const meter = await ring.node(2).locator('.ring-meter').first().getAttribute('d');
  expect(meter && meter.length).toBeGreaterThan(10);
});

test('the 800×450 embed fits: ring, caption and transport, nothing cut off, in normal and large type', async ({ page, baseURL }) => {
  for (const extra of ['', '&large=1', '&lang=zh']) {
    const frame = await openEmbed(page, baseURL, `scenario=ring-basic&frame=600${extra}`);
    await expect(frame.getByTestId('ring-keys')).toHaveAttribute('data-version', /\d/);
    const fit = await embedFit(frame);
    expect(fit, extra).toEqual({ scrolls: false, cut: 0 });
    const box = await frame.evaluate(() => {
      const r = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
      return { keys: r('[data-testid=ring-keys]'), caption: r('[data-testid=caption]'), frame: r('[data-testid=frame]') };
    });
    for (const [name, r] of Object.entries(box)) {
      expect(r, `${name} ${extra}`).not.toBeNull();
      expect(r!.bottom, `${name} ${extra}`).toBeLessThanOrEqual(450.5);
      expect(r!.right, `${name} ${extra}`).toBeLessThanOrEqual(800.5);
    }
    // The stage's words are at least 14 px in the embed (the ✕ badge is a mark, sized as the message marks are).
    const smallest = await frame.evaluate(() =>
      Math.min(...[...document.querySelectorAll('[data-node] text:not(.node-down), .router-label, .router-version')].filter((t) => t.textContent).map((t) => t.getBoundingClientRect().height)),
    );
    expect(smallest, extra).toBeGreaterThanOrEqual(14);
  }
});

for (const lang of ['en', 'zh']) {
  test(`axe-core: no serious or critical violations on the ring (${lang}), full and embedded`, async ({ page, baseURL }) => {
    const ring = new RingPage(page);
    await ring.open({ scenario: 'ring-basic', frame: 600, lang });
    await ring.select(4);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const frame = await openEmbed(page, baseURL, `scenario=ring-basic&frame=600&lang=${lang}`);
    expect(await seriousAxeViolations(frame)).toEqual([]);
  });
}
