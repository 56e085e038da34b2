/**
 * ZooKeeper's narration in the page (?scenario=zk-basic): at the lock hand-over — c2's
 * answer from n2 makes it the holder after c1's session expired — the event list's row and
 * the caption say what happened and why, in English, then in Chinese; screenshots of the
 * event list at 1280×720 in both languages (test-results/zookeeper-narrate-*.png).
 */
import { expect, test, type Page } from '@playwright/test';
import { ZookeeperPage } from './pages/zookeeper';

/** ZK_CLIENT_NOTES.ZkLockAcquired's code, and client 2's actor id. */
const LOCK_ACQUIRED = 1012;
const C2 = 1002;

/** The frame where c2 acquires the lock, read from the store's event rows around the hand-over. */
async function handOverFrame(page: Page): Promise<number> {
  let frame = 0;
  await expect
    .poll(
      async () =>
        (frame = await page.evaluate(
          ([code, node]) => window.__quorumscopeStores?.[0]?.getState().events.find((r) => r.notes.some((n) => n.code === code && n.node === node))?.frame ?? 0,
          [LOCK_ACQUIRED, C2] as const,
        )),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  return frame;
}

test('the lock hand-over is narrated in the event list and the caption, in English and Chinese', async ({ page }) => {
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(10400);
  const frame = await handOverFrame(page);
  await app.storeAction('seek', frame);
  await expect.poll(() => app.frame()).toBe(frame);

  // The caption: what this frame did, and why.
  const caption = app.caption();
  await expect(caption).toHaveAttribute('data-frame', String(frame));
  await expect(caption.locator('.caption-head')).toHaveText('n2 answers c2’s lock /lock: the lock is held, through /lock/lock-0000000001');
  await expect(caption.locator('.caption-detail')).toHaveText('c2 holds the lock: lock-0000000001 is the lowest child (fencing token 0x100000009)');

  // The event list: the current row says the same; the rows before it say why c2 got there.
  await app.openTab('Events');
  // Routine rows too (the watch event c2 reads is not a decision of its own).
  await page.getByRole('checkbox', { name: 'Decisions only' }).uncheck();
  const current = page.locator('.events button[aria-current="true"]');
  await expect(current.locator('.ev-head')).toHaveText('n2 answers c2’s lock /lock: the lock is held, through /lock/lock-0000000001');
  await expect(current.locator('.ev-detail')).toHaveText(['c2 holds the lock: lock-0000000001 is the lowest child (fencing token 0x100000009)']);
  const list = page.locator('.events');
  await expect(list).toContainText('c2 gets the watch event NodeDeleted /lock/lock-0000000000 from n2');
  await expect(list).toContainText('n3 expires session 0x100000001: no ping or request for 3,000 ms');
  await expect(list).toContainText('n2 fires c2’s watch: NodeDeleted /lock/lock-0000000000 (zxid 0x10000000b)');
  await expect(list).not.toContainText(/undefined|NaN|decision \d|client reply|timed out waiting/);
  await page.screenshot({ path: 'test-results/zookeeper-narrate-en.png' });

  // In Chinese: the same row and caption, Chinese prose with names, paths and zxids as they are.
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(caption.locator('.caption-head')).toHaveText('n2 回答 c2 的 lock /lock：已持有锁，锁节点为 /lock/lock-0000000001');
  await expect(caption.locator('.caption-detail')).toHaveText('c2 获得锁：lock-0000000001 是最小的子节点（防护令牌 0x100000009）');
  await expect(current.locator('.ev-head')).toHaveText('n2 回答 c2 的 lock /lock：已持有锁，锁节点为 /lock/lock-0000000001');
  await expect(list).toContainText('c2 收到 n2 发来的监听事件 NodeDeleted /lock/lock-0000000000');
  await expect(list).toContainText('n3 使会话 0x100000001 过期');
  await expect(list).not.toContainText(/undefined|NaN|decision \d|决定 \d|holds the lock|answers/);
  await page.screenshot({ path: 'test-results/zookeeper-narrate-zh.png' });
});
