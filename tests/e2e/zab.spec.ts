/**
 * ZAB end to end, in Chromium, from inline scenarios (?s=): the election's outcome (the
 * highest sid when histories are equal; the newest zxid over a higher sid), a new epoch
 * after the leader crashes with zxids restarting at counter 1, a lagging server synced
 * back, stepping through an election changing the vote table, the 800×450 embed fitting
 * in both languages, and axe finding no serious or critical violation on the ZAB view.
 */
import { expect, test } from '@playwright/test';
import { encodeScenario } from './pages/app';
import { counterOfHex, epochOfHex, ZabPage } from './pages/zab';
import { seriousAxeViolations } from './support/axe';

const history = (epoch: number, count: number) => Array.from({ length: count }, (_, i) => `0x${epoch.toString(16)}${(i + 1).toString(16).padStart(8, '0')}`);
const at = (h: string[]) => ({ history: h, acceptedEpoch: 1, currentEpoch: 1 });

/** Three servers with the same history (epoch 1, two transactions). */
const EQUAL = { protocol: 'zab', nodes: 3, seed: 1, until: 20000, initial: { 1: at(history(1, 2)), 2: at(history(1, 2)), 3: at(history(1, 2)) } };
/** n1 holds one more transaction than n2 and n3: the newest zxid beats the higher sids. */
const NEWEST = { protocol: 'zab', nodes: 3, seed: 1, until: 20000, initial: { 1: at(history(1, 3)), 2: at(history(1, 2)), 3: at(history(1, 2)) } };
/** n1 lags two transactions behind: n3 leads and brings it up to date (DIFF). */
const LAGGING = { protocol: 'zab', nodes: 3, seed: 2, until: 20000, initial: { 1: at(history(1, 1)), 2: at(history(1, 3)), 3: at(history(1, 3)) } };

test('equal histories: the highest sid leads, and every server follows it', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario(EQUAL);
  await app.playUntil(async () => (await app.inRole('leading').count()) === 1);
  expect(await app.waitForLeading()).toBe(3);
  await app.playUntil(async () => (await app.inRole('following').count()) === 2);
  for (const id of [1, 2]) await expect(app.node(id)).toHaveAttribute('data-role', 'following');
  await expect(app.node(3)).toHaveAttribute('aria-label', /^Node 3, leading, epoch \d+/);
});

test('the newest zxid wins over a higher sid', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario(NEWEST);
  await app.playUntil(async () => (await app.inRole('leading').count()) === 1);
  expect(await app.waitForLeading()).toBe(1);
  await app.openVotesTab();
  // n2 and n3 adopted n1's vote: it is the vote in every row.
  for (const id of [1, 2, 3]) await expect(app.voteRow(id)).toHaveAttribute('data-vote', '1');
});

test('crashing the leader moves everyone to a new epoch whose zxids start at counter 1', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario({ ...EQUAL, script: [{ at: 6000, do: 'request', value: 'x=1' }] });
  await app.playUntil(async () => (await app.timeMs()) > 7000);
  const first = await app.waitForLeading();
  const epoch = await app.epoch(first);
  expect(counterOfHex(await app.zxid(first))).toBeGreaterThanOrEqual(1);
  expect(epochOfHex(await app.zxid(first))).toBe(epoch);

  await app.crash(first);
  await app.playUntil(async () => (await app.page.locator('[data-role="leading"][data-alive="true"]').count()) === 1);
  const second = await app.waitForLeading(30_000, first);
  await app.waitForBroadcast();
  const next = await app.epoch(second);
  expect(next).toBeGreaterThan(epoch);
  for (const id of [1, 2, 3].filter((i) => i !== first)) expect(await app.epoch(id)).toBe(next);

  // A write in the new epoch gets zxid (next, 1).
  await app.select(second);
  await app.button(`Request via n${second}`).click();
  await app.playUntil(async () => epochOfHex(await app.zxid(second)) === next);
  const z = await app.zxid(second);
  expect(counterOfHex(z)).toBe(1);
  await app.openVotesTab();
  await expect(app.ledger().locator(`[data-entry^="${second}:"][data-zxid="${z}"]`)).toHaveCount(1);
});

test('a lagging server is synced back to the leader’s history', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario(LAGGING);
  await app.openVotesTab();
  expect(await app.ledgerZxids(1)).toEqual(history(1, 1));
  await app.playUntil(async () => (await app.inRole('leading').count()) === 1);
  const leader = await app.waitForLeading();
  expect(leader).toBe(3);
  await app.waitForBroadcast();
  await expect.poll(() => app.ledgerZxids(1)).toEqual(await app.ledgerZxids(leader));
  expect(await app.ledgerZxids(1)).toEqual(expect.arrayContaining(history(1, 3)));
  await expect(app.ledger().locator('tr[data-node-row="1"] .ledger-sync')).toHaveText('DIFF');
});

test('each message kind of the election, discovery, sync and broadcast is drawn as its own glyph', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario({ ...LAGGING, script: [{ at: 3000, do: 'request', value: 'x=1' }] });
  const drawn = await app.glyphsSeen(1, 80);
  const kinds = drawn.map((d) => d.glyph);
  for (const kind of ['notification', 'followerinfo', 'leaderinfo', 'ackepoch', 'diff', 'newleader', 'uptodate', 'proposal', 'ack', 'commit', 'ping']) {
    expect(kinds, kind).toContain(kind);
  }
  expect(kinds).not.toContain('other');
  // Each kind is drawn its own way (shape, fill, dashes, label; epoch colours aside)…
  expect(new Set(drawn.map((d) => d.drawn)).size).toBe(drawn.length);
  // …and named in ZAB's words: "PROPOSAL from n3 to n1, epoch 2".
  const proposal = drawn.find((d) => d.glyph === 'proposal')!;
  expect(proposal.title).toMatch(/^PROPOSAL from n\d to n\d, epoch \d+/);
});

test('stepping back and forward through an election changes the vote table', async ({ page }) => {
  const app = new ZabPage(page);
  await app.openScenario(NEWEST);
  await app.openVotesTab();
  const start = await app.voteTableText();
  // Step until a notification changes somebody's vote (an adoption shows its comparison).
  let decided = '';
  for (let i = 0; i < 60 && !/adopt/.test(decided); i++) {
    await app.stepForward();
    decided = await app.decision();
  }
  expect(decided).toMatch(/0x[0-9a-f]+ > 0x[0-9a-f]+ → adopt n1/);
  const frame = await app.frame();
  const after = await app.voteTableText();
  expect(after).not.toEqual(start);
  await app.stepBack();
  await expect(page.getByTestId('frame')).toHaveText(String(frame - 1));
  expect(await app.voteTableText()).not.toEqual(after);
  await app.stepForward();
  await expect(page.getByTestId('frame')).toHaveText(String(frame));
  expect(await app.voteTableText()).toEqual(after);
  expect(await app.decision()).toBe(decided);
});

for (const lang of ['en', 'zh'] as const) {
  test(`the 800×450 embed of a ZAB run fits, nothing scrolls (${lang})`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    const src = `${baseURL}/?embed=1&s=${encodeScenario(NEWEST)}&frame=40&lang=${lang}`;
    await page.setContent(`<iframe title="Quorumscope" src="${src}" width="800" height="450" style="border:0"></iframe>`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('[data-node]')).toHaveCount(3);
    await expect(frame.getByTestId('frame')).toHaveText('40');
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    const m = await inner.evaluate(() => {
      const se = document.scrollingElement!;
      const boxes = [...document.querySelectorAll('[data-node], .node-role, .node-term, .node-votes, .caption')].map((n) => n.getBoundingClientRect());
      return { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight, boxes: boxes.map((r) => [r.left, r.top, r.right, r.bottom]) };
    });
    expect(m.sw).toBeLessThanOrEqual(m.cw);
    expect(m.sh).toBeLessThanOrEqual(m.ch);
    for (const [l, t, r, b] of m.boxes) {
      expect(l).toBeGreaterThanOrEqual(0);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(800);
      expect(b).toBeLessThanOrEqual(450);
    }
    // The stage's labels stay legible from the back row (≥ 14 px).
    const app = new ZabPage(page);
    const px = await app.stageLabelPx(inner);
    expect(px.role).toBeGreaterThanOrEqual(14);
    expect(px.term).toBeGreaterThanOrEqual(14);
  });

  test(`axe-core: no serious or critical violation on the ZAB view (${lang})`, async ({ page }) => {
    const app = new ZabPage(page);
    await app.openScenario({ ...LAGGING, script: [{ at: 6000, do: 'request', value: 'x=1' }] }, { lang, frame: 60 });
    await app.openVotesTab(lang === 'en' ? 'Votes & zxids' : '选票与 zxid');
    await expect(app.ledger()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.select(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
