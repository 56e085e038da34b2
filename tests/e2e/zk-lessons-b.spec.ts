/**
 * ZooKeeper's lessons about time in the browser: stepping through each lesson's stops (next
 * mark) shows each stop's sentence in the caption, in English and in Chinese, with the views
 * telling the story — c1's line moving from the crashed n1 to n2 under the same session while
 * c2 ends expired; the stale v1 and then the fresh v2 in c2's history bars; the paused client
 * marked as believing it holds the lock beside the real holder; the 800×450 embeds of the stale
 * read (with the servers' histories), of the fail-over and of the GC pause fit in both languages.
 * Screenshots: test-results/…/zk-lessons-b-*.png.
 */
import { expect, test } from '@playwright/test';
import { openEmbed } from './pages/embed';
import { ZK_TABS, ZkLessonPage, zkEmbedFit } from './pages/zk-lessons';

for (const lang of ['en', 'zh'] as const) {
  test(`zk-failover (${lang}): c1’s line moves to n2 under the same session; c2, away too long, ends expired`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    await app.walk('zk-failover', lang, async (i) => {
      if (i === 0) {
        await expect(app.connection(1, 1)).toHaveCount(1);
        await expect(app.client(1)).toHaveAttribute('data-session', '0x100000001');
      }
      if (i === 1) {
        await expect(app.client(1)).toHaveAttribute('data-state', 'disconnected');
        await expect(app.connection(1, 1)).toHaveCount(0);
      }
      if (i === 3) {
        await expect(app.client(1)).toHaveAttribute('data-state', 'connected');
        await expect(app.client(1)).toHaveAttribute('data-server', '2');
        await expect(app.client(1)).toHaveAttribute('data-session', '0x100000001');
        await expect(app.connection(1, 2)).toHaveCount(1);
        await app.openTab(ZK_TABS[lang].tree);
        await expect(app.treeRow('/c1')).toHaveAttribute('data-owner', '0x100000001');
      }
      if (i === 5) expect(await app.treePaths()).not.toContain('/c2');
      if (i === 6) expect((await app.events()).filter(([, type]) => type.startsWith('Node'))).toEqual([[1, 'NodeDataChanged', '/config']]);
      if (i === 7) {
        await expect(app.client(2)).toHaveAttribute('data-state', 'expired');
        await expect(app.client(1)).toHaveAttribute('data-server', '2');
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-b-failover-${lang}.png`) });
      }
    });
  });

  test(`zk-stale-read (${lang}): the stale v1 in c2’s history, then v2 after sync`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    const reads = app.bars({ op: 'getData', client: 2 });
    await app.walk('zk-stale-read', lang, async (i) => {
      if (i === 2) {
        await app.openTab(ZK_TABS[lang].tree);
        await expect(app.serverButton(2)).toHaveAttribute('data-lags', 'true');
      }
      if (i === 4) {
        await app.openTab(ZK_TABS[lang].history);
        await expect(reads).toHaveCount(2);
        await expect(reads.nth(1)).toHaveAttribute('data-ok', 'true');
        await expect(reads.nth(1).locator('title')).toContainText('"v1" v0');
        await expect(app.bars({ op: 'setData', client: 1 }).locator('title')).toContainText('v1');
      }
      if (i === 6) {
        await expect(reads).toHaveCount(3);
        await expect(reads.nth(2).locator('title')).toContainText('"v2" v1');
        await expect(app.bars({ op: 'sync', client: 2 })).toHaveAttribute('data-ok', 'true');
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-b-stale-${lang}.png`) });
      }
    });
  });

  test(`zk-gc-pause-fencing (${lang}): the paused client is marked as believing it holds the lock beside the real holder`, async ({ page }) => {
    test.setTimeout(120_000);
    const app = new ZkLessonPage(page);
    await app.walk('zk-gc-pause-fencing', lang, async (i) => {
      if (i === 0) expect(await app.queueEntries()).toEqual([[1, true, true, '']]);
      if (i === 2) await expect(app.client(1)).toHaveAttribute('data-paused', 'true');
      if (i === 4 || i === 5) {
        // [client, holds, believes, watches]: c1's node is gone, yet it believes; c2 holds.
        expect(await app.queueEntries()).toEqual([
          [1, false, true, ''],
          [2, true, true, ''],
        ]);
        await expect(app.queue().locator('.zk-entry.stale')).toHaveCount(1);
        await expect(app.queue().locator('.zk-entry.stale')).toHaveAttribute('data-client', '1');
        await expect(app.queue().locator('.zk-stale-note')).toBeVisible();
      }
      if (i === 5) {
        await expect(app.client(1)).toHaveAttribute('data-paused', 'false');
        await page.screenshot({ path: test.info().outputPath(`zk-lessons-b-gc-${lang}.png`) });
      }
      if (i === 6) {
        await expect(app.client(1)).toHaveAttribute('data-state', 'expired');
        expect(await app.queueEntries()).toEqual([[2, true, true, '']]);
      }
    });
  });

  for (const [lesson, at, clients] of [
    ['zk-failover', 4000, 3],
    ['zk-gc-pause-fencing', 7600, 2],
    ['zk-stale-read', 2060, 2],
  ] as const) {
    test(`the 800×450 embed of ${lesson} fits (${lang}): nothing scrolls, nothing cut off`, async ({ page, baseURL }) => {
      const frame = await openEmbed(page, baseURL, `scenario=${lesson}&lesson=${lesson}&lang=${lang}`);
      await frame.evaluate(async (t) => {
        await window.__quorumscopeStores![0].getState().seekTime(t);
      }, at);
      await expect.poll(() => frame.evaluate(() => window.__quorumscopeStores![0].getState().view!.time)).toBeGreaterThan(at - 50);
      if (lesson === 'zk-gc-pause-fencing') await expect(page.frameLocator('iframe').locator('.zk-entry.stale')).toHaveAttribute('data-client', '1');
      expect(await zkEmbedFit(frame)).toEqual({ scrolls: false, cut: 0, clients });
      await page.screenshot({ path: test.info().outputPath(`zk-lessons-b-embed-${lesson}-${lang}.png`) });
    });
  }
}
