/**
 * Slow protocols on a Raft lesson: between the commit of x=1 and n3's crash at 1.5 s the
 * leader only sends heartbeats. "Next decision" (key N, or its button) steps over them to the
 * crash; "Skip quiet stretches" plays through them in seconds instead of 40 s at 1/50×.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

async function openInQuietStretch(app: AppPage): Promise<void> {
  await app.open({ scenario: 'raft-leader-crash' });
  await app.storeAction('seekTime', 1000);
  await expect.poll(() => app.timeMs()).toBeGreaterThan(900);
  await expect(app.node(3)).toHaveAttribute('data-alive', 'true');
}

test('N steps over the heartbeats to the next decision, the crash, and stays paused there', async ({ page }) => {
  const app = new AppPage(page);
  await openInQuietStretch(app);
  await page.locator('.stage').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(app.node(3)).toHaveAttribute('data-alive', 'false');
  expect(await app.shownEvent()).toEqual({ notable: true, time: 1500 });
  await expect(app.button('Play')).toBeVisible();
  // The button does the same, named in either language.
  await app.button('Next decision').click();
  await expect.poll(async () => (await app.shownEvent())?.time ?? 0).toBeGreaterThan(1500);
  expect((await app.shownEvent())?.notable).toBe(true);
});

test('Skip quiet stretches plays through the heartbeats in seconds, and stops short of the crash to show it', async ({ page }) => {
  const app = new AppPage(page);
  await openInQuietStretch(app);
  const skip = app.button('Skip quiet stretches');
  await expect(skip).toHaveAttribute('aria-pressed', 'false');
  await skip.click();
  await expect(skip).toHaveAttribute('aria-pressed', 'true');
  const t0 = Date.now();
  await app.play();
  // 0.5 s of virtual time at 1/50× would be 25 s of wall time.
  await expect(app.node(3)).toHaveAttribute('data-alive', 'false', { timeout: 12_000 });
  expect(Date.now() - t0).toBeLessThan(12_000);
  await app.pause();
});

test('the controls are named in Chinese too', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-leader-crash', lang: 'zh' });
  await expect(app.button('下一个决定')).toBeVisible();
  await expect(app.button('跳过平静期')).toHaveAttribute('aria-pressed', 'false');
});
