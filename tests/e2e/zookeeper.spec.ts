/**
 * ZooKeeper's coordination layer on the ZAB view (?scenario=zk-basic): the clients as
 * actors on the stage, the lock queue and its hand-over, the znode tree with its watches
 * firing, the client history; axe-core on both new tabs; the 800×450 embed in both
 * languages; screenshots at 1280×720 and in the embed (test-results/zookeeper-*.png).
 */
import { expect, test } from '@playwright/test';
import { openEmbed } from './pages/embed';
import { ZookeeperPage } from './pages/zookeeper';
import { seriousAxeViolations } from './support/axe';

const TAB = { en: { tree: 'Znodes', history: 'Clients' }, zh: { tree: 'znode 树', history: '客户端' } } as const;

test('clients connect, the lock queue forms and is handed over to the next waiter only', async ({ page }) => {
  const app = new ZookeeperPage(page);
  await app.openZk();
  await expect(app.clients()).toHaveCount(3);

  // 3.5 s: every client connected, each drawn with a line to its server; c1 holds, c2 watches c1's node, c3 watches c2's.
  await app.seekTo(3500);
  expect(await app.clientStates()).toEqual(['connected', 'connected', 'connected']);
  for (const c of [1, 2, 3]) {
    const server = Number(await app.client(c).getAttribute('data-server'));
    expect(server).toBeGreaterThan(0);
    await expect(app.connection(c, server)).toHaveCount(1);
  }
  const nodes = await app.queueNodes();
  expect(nodes).toEqual(['/lock/lock-0000000000', '/lock/lock-0000000001', '/lock/lock-0000000002']);
  expect(await app.queueEntries()).toEqual([
    [1, true, true, ''],
    [2, false, false, nodes[0]],
    [3, false, false, nodes[1]],
  ]);

  // 4.5 s: c1's server crashed: c1 is disconnected (looking for another server), its line dashed to nowhere.
  await app.seekTo(4500);
  await expect(app.client(1)).toHaveAttribute('data-state', 'disconnected');

  // 10.4 s: c1 paused past its session: expired through the log, its node deleted; c2 — only c2 — took over.
  await app.seekTo(10400);
  await expect(app.client(1)).toHaveAttribute('data-paused', 'true');
  expect(await app.queueEntries()).toEqual([
    [1, false, true, ''],
    [2, true, true, ''],
    [3, false, false, nodes[1]],
  ]);
  await expect(app.queue().locator('.zk-entry.stale')).toHaveCount(1);
  await expect(app.client(1)).toHaveAccessibleName(/Client 1, connected, to n\d, session 0x1\w+, .*paused until 13\.000 s/);

  // Play on: the pause ends, c1 learns its session expired.
  await app.seekTo(14200);
  await expect(app.client(1)).toHaveAttribute('data-state', 'expired');
  expect((await app.queueEntries()).map((e) => e[0])).toEqual([2, 3]);
});

test('the znode tree: ephemerals with their owners, sequential suffixes, watches where they are set, fires flashing, lag', async ({ page }) => {
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(1700);
  await app.openTab(TAB.en.tree);
  await expect(app.tree()).toBeVisible();
  // The leader's tree by default.
  const leader = await app.waitForLeading();
  await expect(app.serverButton(leader)).toHaveAttribute('aria-pressed', 'true');
  // Each watcher's watch sits on the server it is connected to.
  for (const c of [2, 3]) {
    const server = Number(await app.client(c).getAttribute('data-server'));
    await app.serverButton(server).click();
    await expect(app.treeRow('/config')).toHaveAttribute('data-watches', new RegExp(`data:${c}`));
  }

  // 2.105 s: c3's watch fired (NodeDataChanged delivered) and is gone from its server: one-shot.
  await app.seekTo(2105);
  const s3 = Number(await app.client(3).getAttribute('data-server'));
  await app.serverButton(s3).click();
  await expect(app.treeRow('/config')).toHaveAttribute('data-fired', /NodeDataChanged:3/);
  await expect(app.treeRow('/config')).not.toHaveAttribute('data-watches', /data:3/);
  await expect(app.treeRow('/config')).toHaveAttribute('data-version', '1');

  // 10.4 s: the expired holder's node was just deleted: struck out while c2's watch on it flashes.
  await app.seekTo(10400);
  await app.serverButton(leader).click();
  await expect(app.treeRow('/lock/lock-0000000000')).toHaveAttribute('data-gone', 'true');
  await expect(app.treeRow('/lock/lock-0000000000')).toHaveAttribute('data-fired', /NodeDeleted:2/);
  // 10.8 s: the lock nodes left, ephemeral, with their owners' sessions.
  await app.seekTo(10800);
  expect(await app.treePaths()).toEqual(['/', '/config', '/lock', '/lock/lock-0000000001', '/lock/lock-0000000002']);
  await expect(app.treeRow('/lock/lock-0000000001')).toHaveAttribute('data-owner', /^0x2/);
  await expect(app.treeRow('/lock/lock-0000000001')).toHaveAccessibleName(/ephemeral sequential, version 0 .*owned by session 0x2\w+ \(c2\)/);
  await expect(app.treeRow('/lock/lock-0000000001').locator('.zk-seq')).toHaveText('0000000001');
  await expect(app.treeRow('/config')).toHaveAttribute('data-owner', '0x0');
  // The server buttons carry each server's applied zxid.
  for (const id of [1, 2, 3]) await expect(app.serverButton(id)).toHaveAttribute('data-applied', /^0x\w+$/);
});

test('the client history: a bar per operation with its result or error, pending ones open-ended', async ({ page }) => {
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(10400);
  await app.openTab(TAB.en.history);
  await expect(app.history()).toBeVisible();
  await expect(app.bars()).toHaveCount(13);
  await expect(app.bars({ op: 'setData' }).and(page.locator('[data-ok="false"]'))).toHaveCount(1);
  await expect(app.bars({ op: 'setData' }).and(page.locator('[data-error="BadVersion"]'))).toHaveCount(1);
  await expect(app.bars({ op: 'lock', client: 2 })).toHaveAttribute('data-ok', 'true');
  await expect(app.bars({ op: 'lock', client: 3 })).toHaveAttribute('data-open', 'true');
  await expect(app.bars({ op: 'pause', client: 1 })).toHaveAttribute('data-open', 'true');
  await expect(app.history().getByRole('list')).toContainText('client 1: setData /config, 2.100 s → 2.210 s, error: BadVersion');
  // Playing adds bars as ops are invoked.
  await app.seekTo(16100);
  await expect(app.bars()).toHaveCount(16);
  await expect(app.bars({ op: 'lock', client: 3 })).toHaveAttribute('data-open', 'false');
});

for (const lang of ['en', 'zh'] as const) {
  test(`axe-core: no serious or critical violation with the tree and the history open (${lang})`, async ({ page }) => {
    // Three scans and three screenshots on a shared two-core machine.
    test.setTimeout(150_000);
    const app = new ZookeeperPage(page);
    await app.openZk('zk-basic', { lang });
    await app.seekTo(10400);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.openTab(TAB[lang].tree);
    await expect(app.tree()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await app.openTab(TAB[lang].history);
    await expect(app.history()).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    for (const tab of ['stage', 'tree', 'history'] as const) {
      if (tab !== 'stage') await app.openTab(TAB[lang][tab]);
      await page.screenshot({ path: test.info().outputPath(`zookeeper-1280-${lang}-${tab}.png`) });
    }
  });

  test(`the 800×450 embed shows the clients and the lock queue, fits, nothing scrolls, labels ≥ 14 px (${lang})`, async ({ page, baseURL }) => {
    const frame = await openEmbed(page, baseURL, `scenario=zk-basic&lang=${lang}`);
    await frame.evaluate(async () => {
      await window.__quorumscopeStores![0].getState().seekTime(10400);
    });
    await expect(page.frameLocator('iframe').locator('.zk-entry[data-holds="true"]')).toHaveAttribute('data-client', '2');
    const m = await frame.evaluate(() => {
      const se = document.scrollingElement!;
      const sel = '[data-node], .node-role, .zk-client, .zk-client-state, .zk-entry, .zk-queue-title, .zk-stale-note, .caption';
      const boxes = [...document.querySelectorAll(sel)].map((n) => n.getBoundingClientRect());
      const px = (q: string) => {
        const el = document.querySelector<SVGTextElement>(q)!;
        return parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1);
      };
      return { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight, boxes: boxes.map((r) => [r.left, r.top, r.right, r.bottom]), state: px('.zk-client-state'), role: px('.node-role') };
    });
    expect(m.sw).toBeLessThanOrEqual(m.cw);
    expect(m.sh).toBeLessThanOrEqual(m.ch);
    expect(m.boxes.length).toBeGreaterThan(10);
    for (const [l, t, r, b] of m.boxes) {
      expect(l).toBeGreaterThanOrEqual(0);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(800);
      expect(b).toBeLessThanOrEqual(450);
    }
    expect(m.role).toBeGreaterThanOrEqual(14);
    expect(m.state).toBeGreaterThanOrEqual(14);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`zookeeper-embed-${lang}.png`) });
  });
}
