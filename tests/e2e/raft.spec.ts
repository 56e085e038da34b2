/**
 * The end-to-end stories, in a real browser (Debian's Chromium).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SimSession } from '../../src/sim/session';
import type { RaftNodeView } from '../../src/core/raft/types';
import { AppPage, encodeScenario } from './pages/app';

test('a leader appears', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ autoplay: 1, speed: 1 });
  await expect(app.nodes()).toHaveCount(5);
  const leader = await app.waitForLeader();
  await expect(app.leaders()).toHaveCount(1);
  expect(await app.term(leader)).toBeGreaterThanOrEqual(1);
});

test('crashing the leader yields a new leader with a higher term', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ autoplay: 1, speed: 1 });
  const first = await app.waitForLeader();
  const term = await app.term(first);
  await app.pause();
  await app.crash(first);
  await expect(app.node(first)).toHaveAttribute('data-role', 'down');
  await app.play();
  const second = await app.waitForLeader(30_000, first);
  expect(second).not.toBe(first);
  expect(await app.term(second)).toBeGreaterThan(term);
  await expect(app.node(first)).toHaveAttribute('data-alive', 'false');
});

test('a partitioned minority leader cannot commit, and steps down after the heal', async ({ page }) => {
  // The bundled lesson: n3 leads, then {3,4} is cut off from {1,2,5}; a request reaches
  // n3 during the partition; heal at 5 s. Frames are computed by the same simulator in
  // Node, so this also checks that Node and the browser replay identically.
  const scenario = JSON.parse(readFileSync('public/scenarios/raft-partition.json', 'utf8'));
  const session = new SimSession();
  const loaded = session.load(scenario);
  if (!loaded.ok) throw new Error(loaded.error);
  const before = session.advanceTo(1499);
  const during = session.advanceTo(4900);
  const after = session.advanceTo(6000);
  const nodesAt = (v: typeof during) => v.nodes as RaftNodeView[];
  const oldLeader = nodesAt(before).find((n) => n.role === 'leader')!.id;
  expect([3, 4]).toContain(oldLeader);

  const app = new AppPage(page);
  await app.open({ scenario: 'raft-partition', frame: during.frame });
  await expect(page.getByTestId('frame')).toHaveText(app.frameText(during.frame));
  // Still believes it leads its old term, but its commit index has not moved...
  await expect(app.node(oldLeader)).toHaveAttribute('data-role', 'leader');
  const oldTerm = await app.term(oldLeader);
  expect(await app.commitIndex(oldLeader)).toBe(nodesAt(before)[oldLeader - 1].commitIndex);
  // ...while the majority elected a leader of a higher term that commits.
  const majorityLeader = nodesAt(during).find((n) => n.role === 'leader' && n.id !== oldLeader)!.id;
  await expect(app.node(majorityLeader)).toHaveAttribute('data-role', 'leader');
  expect(await app.term(majorityLeader)).toBeGreaterThan(oldTerm);
  expect(await app.commitIndex(majorityLeader)).toBeGreaterThan(await app.commitIndex(oldLeader));
  // After the heal, the old leader steps down to the new term and catches up.
  await app.open({ scenario: 'raft-partition', frame: after.frame });
  await expect(app.node(oldLeader)).toHaveAttribute('data-role', 'follower');
  expect(await app.term(oldLeader)).toBe(await app.term(majorityLeader));
  expect(await app.commitIndex(oldLeader)).toBe(await app.commitIndex(majorityLeader));
});

test('step back and step forward move the frame counter and change what is shown', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 40 });
  await expect(page.getByTestId('frame')).toHaveText('40');
  const at40 = await app.stageMarkup();
  await app.stepForward();
  await expect(page.getByTestId('frame')).toHaveText('41');
  expect(await app.stageMarkup()).not.toBe(at40);
  await app.stepBack();
  await expect(page.getByTestId('frame')).toHaveText('40');
  await expect.poll(() => app.stageMarkup()).toBe(at40);
  await app.stepBack();
  await expect(page.getByTestId('frame')).toHaveText('39');
});

test('the keyboard drives the transport: arrows step, Space plays and pauses', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 10 });
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('frame')).toHaveText('11');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('frame')).toHaveText('10');
  await page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();
});

test('a bad ?s= shows a clear error and the default scenario', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ s: '%%%not-base64%%%' });
  await expect(app.alerts().first()).toBeVisible();
  await expect(app.alerts().first()).toContainText(/\bs\b|scenario/i);
  await expect(app.nodes()).toHaveCount(5);
  // A well-formed but invalid scenario names the field that is wrong.
  await app.open({ s: encodeScenario({ protocol: 'raft', nodes: 0 }) });
  await expect(app.alerts().first()).toContainText('nodes');
  await expect(app.nodes()).toHaveCount(5);
});

test('the address bar reproduces a user action', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 60 });
  await app.crash(2);
  await expect.poll(() => app.inlineScenario()).not.toBeNull();
  const frame = await app.frame();
  await page.reload();
  await expect(page.getByTestId('frame')).toHaveText(app.frameText(frame));
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
});

test('a deliberate bug stops the run with the invariant, frame and seed on screen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8-bug', frame: 5000 });
  const stopped = page.locator('.caption.violation');
  await expect(stopped).toContainText('Leader Completeness');
  await expect(stopped).toContainText(/frame \d+/);
  await expect(stopped).toContainText('seed 397');
  // The run stopped: the head is the violation's frame, and Play cannot go past it.
  const frame = await app.frame();
  expect(frame).toBeLessThan(5000);
  await expect(app.button('Play')).toBeDisabled();
});

test('an initial state Raft could never reach loads with a clear warning', async ({ page }) => {
  const app = new AppPage(page);
  await app.openScenario({ protocol: 'raft', nodes: 3, seed: 1, initial: { '1': { term: 3, log: [1, 3] }, '2': { term: 1, log: [1] }, '3': { term: 1, log: [1] } } });
  await expect(app.alerts().first()).toContainText('could never reach');
  await expect(app.alerts().first()).toContainText('n1');
  await expect(app.nodes()).toHaveCount(3);
});
