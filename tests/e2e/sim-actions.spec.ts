/**
 * The simulator's classroom moves in a real browser: the split-vote lesson, a scripted
 * "time out", a dropped message and a request sent before any leader — each said in words.
 * Frames are found by the same simulator in Node, so this also checks that the browser
 * replays them identically.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SimNote } from '../../src/core/protocol';
import { Note } from '../../src/core/raft/types';
import { EventType, Fate } from '../../src/sim/api';
import { SimSession } from '../../src/sim/session';
import { AppPage } from './pages/app';

/** The first frame (recorded in Node) whose row satisfies `pick`. */
function frameWhere(scenario: unknown, untilMs: number, pick: (row: ReturnType<SimSession['events']>[number]) => boolean): number {
  const s = new SimSession();
  const r = s.load(scenario);
  if (!r.ok) throw new Error(r.error);
  const v = s.advanceTo(untilMs);
  const row = s.events(1, v.frame).find(pick);
  if (!row) throw new Error('no such frame');
  return row.frame;
}

test('the split-vote lesson: nobody wins term 1, a leader of term 2 follows', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-split-vote', autoplay: 1, speed: 1 });
  await expect(app.lessonSelect()).toHaveValue('raft-split-vote');
  await expect(app.nodes()).toHaveCount(4);
  const leader = await app.waitForLeader();
  expect(await app.term(leader)).toBe(2);
});

test('the split-vote lesson at the moment both candidates have lost: two of the same term, no leader', async ({ page }) => {
  const lesson = JSON.parse(readFileSync('public/scenarios/raft-split-vote.json', 'utf8'));
  const lostFrames: number[] = [];
  const s = new SimSession();
  s.load(lesson);
  const v = s.advanceTo(200);
  for (const row of s.events(1, v.frame)) if (row.notes.some((n) => n.code === Note.ElectionLost)) lostFrames.push(row.frame);
  expect(lostFrames).toHaveLength(2);
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-split-vote', frame: lostFrames[1] });
  await expect(app.nodes()).toHaveCount(4);
  await expect(app.leaders()).toHaveCount(0);
  for (const id of [1, 2, 3, 4]) expect(await app.term(id)).toBe(1);
  // The lesson stops here: the caption says the stop's sentence.
  await expect(app.caption()).toContainText('nobody leads term 1');
});

test('a scripted time-out makes that node the first candidate and the leader', async ({ page }) => {
  const app = new AppPage(page);
  await app.openScenario({ protocol: 'raft', nodes: 3, seed: 1, until: 3000, script: [{ at: 20, do: 'timeout', node: 2 }] }, { autoplay: 1, speed: 1 });
  expect(await app.waitForLeader()).toBe(2);
  expect(await app.term(2)).toBe(1);
});

test('a request sent before any leader is refused in words, in English and Chinese', async ({ page }) => {
  const scenario = { protocol: 'raft', nodes: 3, seed: 1, until: 3000, script: [{ at: 5, do: 'request', value: 'x=1' }] };
  const frame = frameWhere(scenario, 500, (r) => r.notes.some((n) => n.code === SimNote.ClientNoLeader));
  const app = new AppPage(page);
  await app.openScenario(scenario, { frame });
  await expect(app.caption()).toContainText('knows no leader');
  await app.openScenario(scenario, { frame, lang: 'zh' });
  await expect(app.caption()).toContainText('不知道领导者');
});

test('a dropped message is said to be dropped by the user when it would have arrived', async ({ page }) => {
  const base = { protocol: 'raft', nodes: 3, seed: 1, until: 3000, script: [] as unknown[] };
  // The first RequestVote-or-heartbeat on the wire from n1 to n2, dropped 1 ms after it was sent.
  const s = new SimSession();
  s.load(base);
  let view = s.seek(0);
  while (!view.messages.some((m) => m.from === 1 && m.to === 2)) view = s.seek(view.frame + 1);
  const m = view.messages.find((x) => x.from === 1 && x.to === 2)!;
  const scenario = { ...base, script: [{ at: m.sentAt + 1, do: 'drop', from: 1, to: 2, nth: m.nth }] };
  const frame = frameWhere(scenario, 1000, (r) => r.type === EventType.Drop && r.fate === Fate.DroppedByUser);
  const app = new AppPage(page);
  await app.openScenario(scenario, { frame });
  await expect(app.caption()).toContainText('the user dropped it');
});
