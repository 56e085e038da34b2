/**
 * Playback for people: the lesson's own pacing, stepping by meaning (next/previous mark,
 * here through the store's test hook; PageDown/PageUp and the buttons are other areas'),
 * and forks that lose nothing (the notice, Undo bringing the old future back).
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

test('at the default lesson speed an election takes at least 2 s of wall time from the first candidate to the leader', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  // No speed in the address: the lesson's default (1/50x) is used and not written back.
  expect(app.params().get('speed')).toBeNull();
  await app.play();
  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let t0 = 0;
        const check = () => {
          if (!t0 && document.querySelector('[data-role="candidate"]')) t0 = performance.now();
          if (t0 && document.querySelector('[data-role="leader"]')) resolve(performance.now() - t0);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  expect(elapsed).toBeGreaterThanOrEqual(2000);
  expect(elapsed).toBeLessThan(15_000);
});

test('next mark plays to the lesson’s next stop and pauses there; previous mark goes back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  await app.storeAction('nextMark');
  // It plays (at most a few seconds for a presenter), then pauses exactly on the stop: frame 1, n3's timeout.
  await expect(app.button('Pause')).toBeVisible();
  await expect(app.button('Play')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('frame')).toHaveText(/^\D*1\D*$/);
  await expect(app.node(3)).toHaveAttribute('data-role', 'candidate');
  await app.storeAction('nextMark');
  await expect.poll(() => app.frame(), { timeout: 15_000 }).toBe(2);
  await expect(app.button('Play')).toBeVisible();
  await expect(app.node(2)).toHaveAttribute('data-role', 'candidate');
  await app.storeAction('prevMark');
  await expect.poll(() => app.frame()).toBe(1);
  await expect(app.lessonSelect()).toHaveValue('raft-election');
});

test('acting on a past frame says it forks and offers Undo; Undo brings the old future back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 300 });
  await app.crash(2);
  expect(await app.frame()).toBe(301);
  await expect(app.undoButton()).toHaveCount(0);
  for (let i = 0; i < 5; i++) await app.stepBack();
  await expect.poll(() => app.frame()).toBe(296);
  await expect(app.node(2)).toHaveAttribute('data-alive', 'true');

  await app.crash(4);
  await expect(app.forkNotice()).toHaveAttribute('role', 'status');
  await expect(app.forkNotice()).toContainText('History forked at frame 296; 1 later action set aside');
  await expect(app.undoButton()).toBeVisible();
  await expect.poll(() => app.inlineScenario()?.script.map((a) => `${a.do}:${'node' in a ? a.node : ''}`)).toEqual(['crash:4']);

  await app.undoButton().click();
  await expect(app.undoButton()).toHaveCount(0);
  await expect.poll(() => app.frame()).toBe(296);
  // The later crash is back in the address and on the timeline ahead.
  await expect.poll(() => app.inlineScenario()?.script.map((a) => `${a.do}:${'node' in a ? a.node : ''}`)).toEqual(['crash:2']);
  await expect(app.node(4)).toHaveAttribute('data-alive', 'true');
  for (let i = 0; i < 5; i++) await app.stepForward();
  await expect.poll(() => app.frame()).toBe(301);
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
  // The forked timeline is kept as a branch to switch back to.
  await page.getByRole('button', { name: /Timeline forked at frame 296/ }).click();
  await expect.poll(() => app.inlineScenario()?.script.map((a) => a.do)).toEqual(['crash']);
  await expect(app.node(4)).toHaveAttribute('data-alive', 'false');
});

test('in Chinese the fork notice and its Undo button are translated', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200, lang: 'zh' });
  await app.storeAction('seek', 250);
  await expect.poll(() => app.frame()).toBe(250);
  await app.storeAction('seek', 100);
  await expect.poll(() => app.frame()).toBe(100);
  await app.select(1);
  await page.getByRole('button', { name: '宕机' }).click();
  await expect(app.forkNotice()).toContainText('历史已在第 100 帧分叉');
  await expect(app.forkNotice().getByRole('button', { name: '撤销', exact: true })).toBeVisible();
});
