/**
 * The ZooKeeper stage's client links and the Znodes tab's stat (?scenario=zk-basic): a
 * client cut off from every server from its menu, drawn as cut (✂ on each of its lines) and
 * isolated; played on until the leader expires its session, its ephemeral lock node leaves
 * the tree; the address reproduces all of it after a reload; reconnected, it learns its
 * session expired, and that reloads too. A znode's full stat on hover; axe-core with the
 * menu open and the card shown; screenshots (test-results/zookeeper-stage-*.png).
 */
import { expect, test } from '@playwright/test';
import { scenarioInAddress } from './pages/app';
import { ZookeeperPage } from './pages/zookeeper';
import { seriousAxeViolations } from './support/axe';

const C3_LOCK = '/lock/lock-0000000002';

test('cut a client off from the UI: its session expires, its ephemeral leaves the tree, reconnect; the URL reproduces each step', async ({ page }) => {
  test.setTimeout(150_000);
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(3500);
  await expect(app.client(3)).toHaveAttribute('data-state', 'connected');
  expect(await app.clientCuts()).toEqual([]);

  // c3 (it waits for the lock, its node lock-0000000002 is ephemeral) is cut off from every server.
  await app.openClientMenu(3);
  await app.clientMenuButton('cut').click();
  await expect.poll(() => app.clientCuts()).toEqual(['3-1', '3-2', '3-3']);
  await expect(app.client(3)).toHaveAttribute('data-isolated', 'true');
  await expect(app.client(3)).toHaveAccessibleName(/Client 3, .*cut off from every server/);
  // Focus moved to Reconnect (Cut disabled itself), never to <body>.
  await expect(app.clientMenuButton('cut')).toBeDisabled();
  await expect(app.clientMenuButton('mend')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(app.clientMenu()).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('zookeeper-stage-cut.png') });

  // Played on: the leader expires c3's session through the log; its ephemeral node is deleted.
  await app.openTab('Znodes');
  await expect(app.treeRow(C3_LOCK)).toHaveCount(1);
  await app.seekTo(7500);
  await expect(app.treeRow(C3_LOCK)).toHaveCount(0);
  expect(await app.treePaths()).toEqual(['/', '/config', '/lock', '/lock/lock-0000000000', '/lock/lock-0000000001']);
  await expect(app.client(3)).toHaveAttribute('data-state', 'disconnected');

  // The address carries the cut: a reload shows the same frame, the same cut, the same tree.
  await expect.poll(() => scenarioInAddress(page.url())?.script.some((a) => a.do === 'cut' && a.client === 3 && a.node === undefined) ?? false).toBe(true);
  const frame = await app.frame();
  await expect.poll(() => new URL(page.url()).searchParams.get('frame')).toBe(String(frame));
  await page.reload();
  await expect(app.clients().first()).toBeVisible();
  await expect.poll(() => app.frame()).toBe(frame);
  expect(await app.clientCuts()).toEqual(['3-1', '3-2', '3-3']);
  await expect(app.client(3)).toHaveAttribute('data-isolated', 'true');
  await app.openTab('Znodes');
  await expect(app.treeRow('/lock/lock-0000000001')).toHaveCount(1);
  await expect(app.treeRow(C3_LOCK)).toHaveCount(0);

  // Reconnect (by keyboard this time): the links come back; c3 reaches a server and learns its session expired.
  await app.openClientMenu(3, 'key');
  await expect(app.clientMenuButton('mend')).toBeEnabled();
  await app.clientMenuButton('mend').click();
  await expect.poll(() => app.clientCuts()).toEqual([]);
  await page.keyboard.press('Escape');
  await app.seekTo(9500);
  await expect(app.client(3)).toHaveAttribute('data-state', 'expired');
  await expect(app.client(3)).toHaveAttribute('data-isolated', 'false');
  await expect.poll(() => scenarioInAddress(page.url())?.script.filter((a) => (a.do === 'cut' || a.do === 'mend') && a.client === 3).map((a) => a.do) ?? []).toEqual(['cut', 'mend']);
  const frame2 = await app.frame();
  await expect.poll(() => new URL(page.url()).searchParams.get('frame')).toBe(String(frame2));
  await page.reload();
  await expect(app.clients().first()).toBeVisible();
  await expect.poll(() => app.frame()).toBe(frame2);
  await expect(app.client(3)).toHaveAttribute('data-state', 'expired');
  expect(await app.clientCuts()).toEqual([]);
});

test('a link to the selected server alone; a bad client cut in the URL is a clear problem, not a blank page', async ({ page }) => {
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(3500);
  await app.select(1);
  await app.openClientMenu(2);
  await expect(app.clientMenuButton('cut-one')).toHaveText(/Cut only its link to n1/);
  await app.clientMenuButton('cut-one').click();
  await expect.poll(() => app.clientCuts()).toEqual(['2-1']);
  await expect(app.client(2)).toHaveAttribute('data-isolated', 'false');
  await expect(app.client(2)).toHaveAccessibleName(/its link to n1 is cut/);
  await expect(app.clientMenuButton('mend-one')).toHaveText(/Mend its link to n1/);
  await page.keyboard.press('Escape');

  const raw = scenarioInAddress(page.url())!;
  const bad = { ...raw, script: [...raw.script, { at: 5000, do: 'cut', client: 7 }] };
  await app.open({ s: Buffer.from(JSON.stringify(bad)).toString('base64url') });
  await expect(page.getByRole('alert').first()).toContainText(/script\[\d+\]\.client/);
  await expect(app.nodes().first()).toBeVisible();
});

test('hover a znode: its full stat; axe-core with the client menu open and the stat card shown', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(3500);
  await app.openTab('Znodes');
  await app.treeRow('/config').hover();
  await expect(app.statCard()).toBeVisible();
  expect(await app.statField('data')).toBe('"v2"');
  expect(await app.statField('version')).toBe('1');
  expect(await app.statField('numChildren')).toBe('0');
  expect(await app.statField('ephemeralOwner')).toBe('0x0');
  for (const f of ['czxid', 'mzxid', 'pzxid']) expect(await app.statField(f)).toMatch(/^0x[0-9a-f]+$/);
  expect(await app.statField('mzxid')).not.toBe(await app.statField('czxid'));
  await expect(app.treeRow('/config')).toHaveAccessibleDescription(/version 1, cversion 0, numChildren 0, ephemeralOwner 0x0, czxid 0x\w+, mzxid 0x\w+, pzxid 0x\w+/);
  // An ephemeral sequential node: its owner's session.
  await app.treeRow('/lock/lock-0000000001').hover();
  await expect(app.statCard()).toContainText('/lock/lock-0000000001');
  expect(await app.statField('ephemeralOwner')).toMatch(/^0x2/);
  await page.screenshot({ path: test.info().outputPath('zookeeper-stage-stat.png') });
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Focus shows the card too (keyboard users).
  await app.treeRow('/lock').focus();
  await expect(app.statCard()).toContainText('/lock');
  expect(await app.statField('numChildren')).toBe('3');

  await app.openClientMenu(1);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('zookeeper-stage-menu.png') });
});
