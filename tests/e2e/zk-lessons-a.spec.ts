/**
 * ZooKeeper's lessons on the lock, watches and sessions in the browser: stepping through each
 * lesson's stops (next mark) shows each stop's sentence in the caption, in English and in
 * Chinese, with the views telling the story — the lock holder mark moving to the next waiter
 * only, watches gone from the Znodes tab once they fire, the ephemeral leaving the tree and
 * coming back under a new session; the 800×450 embed of a lesson fits in both languages.
 * Screenshots of every stop's view: test-results/…/zk-lessons-a-*.png.
 */
import { expect, test } from '@playwright/test';
import { openEmbed } from './pages/embed';
import { ZK_TABS, ZkLessonPage, zkEmbedFit } from './pages/zk-lessons';

const lock = (n: number) => `/lock/lock-000000000${n}`;

for (const lang of ['en', 'zh'] as const) {
  test(`zk-lock-handover (${lang}): the holder drops off, only the next waiter takes the lock, twice`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    await app.walk('zk-lock-handover', lang, async (i) => {
      if (i === 1)
        expect(await app.queueEntries()).toEqual([
          [1, true, true, ''],
          [2, false, false, lock(0)],
          [3, false, false, lock(1)],
          [4, false, false, lock(2)],
        ]);
      if (i === 3) await expect(app.client(1)).toHaveAttribute('data-state', 'disconnected');
      if (i === 5) {
        // The expired holder's node, just deleted on the leader, struck out while c2's watch on it flashes.
        await app.openTab(ZK_TABS[lang].tree);
        await expect(app.treeRow(lock(0))).toHaveAttribute('data-gone', 'true');
        await expect(app.treeRow(lock(0))).toHaveAttribute('data-fired', 'NodeDeleted:2');
        expect((await app.events()).filter(([, type]) => type.startsWith('Node'))).toEqual([[2, 'NodeDeleted', lock(0)]]);
      }
      if (i === 6) {
        expect((await app.queueEntries()).map(([c, holds]) => [c, holds])).toEqual([
          [1, false],
          [2, true],
          [3, false],
          [4, false],
        ]);
        await expect(app.queue().locator('.zk-entry.stale')).toHaveCount(1);
      }
      if (i === 7) {
        expect((await app.queueEntries()).map(([c, holds]) => [c, holds])).toEqual([
          [1, false],
          [3, true],
          [4, false],
        ]);
        expect((await app.events()).filter(([, type]) => type.startsWith('Node')).map(([c]) => c)).toEqual([2, 3]);
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-a-lock-${lang}.png`) });
      }
    });
  });

  test(`zk-config-watchers (${lang}): one event per watcher for two writes, re-armed watchers hear the next`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    await app.walk('zk-config-watchers', lang, async (i) => {
      if (i === 0) {
        await app.openTab(ZK_TABS[lang].tree);
        // Each watch sits on its watcher's own server: c2 on n2, c3 on n3, c4 on n1.
        for (const [c, id] of [[2, 2], [3, 3], [4, 1]]) {
          await app.serverButton(id).click();
          await expect(app.treeRow('/config')).toHaveAttribute('data-watches', `data:${c}`);
        }
      }
      if (i === 2) {
        // Fired and gone: no watch left on /config anywhere; the version is 2 (v3).
        for (const id of [1, 2, 3]) {
          await app.serverButton(id).click();
          await expect(app.treeRow('/config')).toHaveAttribute('data-watches', '');
          await expect(app.treeRow('/config')).toHaveAttribute('data-version', '2');
        }
        expect((await app.events()).filter(([, type]) => type === 'NodeDataChanged').map(([c]) => c).sort()).toEqual([2, 3, 4]);
      }
      if (i === 4) {
        for (const [id, w] of [[1, ''], [2, 'data:2'], [3, 'data:3']] as const) {
          await app.serverButton(id).click();
          await expect(app.treeRow('/config')).toHaveAttribute('data-watches', w);
        }
      }
      if (i === 6) {
        expect((await app.events()).filter(([, type]) => type === 'NodeDataChanged').map(([c]) => c)).toEqual([3, 2, 4, 3, 2]);
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-a-config-${lang}.png`) });
      }
    });
  });

  test(`zk-session-expiry (${lang}): the cut client's ephemeral leaves the tree; Expired only after the mend; a new session`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    const REG = '/services/app/c1';
    await app.walk('zk-session-expiry', lang, async (i) => {
      if (i === 0) {
        await app.openTab(ZK_TABS[lang].tree);
        await expect(app.treeRow(REG)).toHaveAttribute('data-owner', '0x100000001');
      }
      if (i === 3) {
        await expect(app.client(1)).toHaveAttribute('data-state', 'disconnected');
        await expect(app.treeRow(REG)).toHaveAttribute('data-owner', '0x100000001');
      }
      if (i === 5) {
        await expect(app.treeRow(REG)).toHaveAttribute('data-gone', 'true');
        await expect(app.treeRow(REG)).toHaveAttribute('data-fired', 'NodeDeleted:2');
        await expect(app.client(1)).toHaveAttribute('data-state', 'disconnected');
      }
      if (i === 6) expect(await app.treePaths()).toEqual(['/', '/services', '/services/app']);
      if (i === 7) await expect(app.client(1)).toHaveAttribute('data-state', 'expired');
      if (i === 8) await expect(app.client(1)).toHaveAttribute('data-session', '0x100000002');
      if (i === 9) {
        await expect(app.treeRow(REG)).toHaveAttribute('data-owner', '0x100000002');
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-a-expiry-${lang}.png`) });
      }
    });
  });

  test(`the 800×450 embed of zk-lock-handover fits (${lang}): nothing scrolls, nothing cut off`, async ({ page, baseURL }) => {
    const frame = await openEmbed(page, baseURL, `scenario=zk-lock-handover&lang=${lang}`);
    await frame.evaluate(async () => {
      await window.__quorumscopeStores![0].getState().seekTime(4138);
    });
    await expect(page.frameLocator('iframe').locator('.zk-entry[data-holds="true"]')).toHaveAttribute('data-client', '2');
    expect(await zkEmbedFit(frame)).toEqual({ scrolls: false, cut: 0, clients: 4 });
    await page.screenshot({ path: test.info().outputPath(`zk-lessons-a-embed-${lang}.png`) });
  });
}
