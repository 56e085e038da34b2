/**
 * Accessibility (axe-core finds no serious or critical violation), the 800×450 slide
 * embed, and the Chinese UI.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';
import { seriousAxeViolations } from './support/axe';

for (const lang of ['en', 'zh']) {
  test(`axe-core: no serious or critical violations (${lang})`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open({ scenario: 'raft-leader-crash', frame: 300, lang });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test(`axe-core: none in the dark theme with large type and the Share popover open (${lang})`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open({ scenario: 'raft-figure7', frame: 120, lang, theme: 'dark', large: 1 });
    await app.share(lang === 'en' ? 'Share' : '分享');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test(`axe-core: none inside an 800×450 embed iframe (${lang})`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 900, height: 600 });
    await page.setContent(
      `<iframe title="Quorumscope" src="${baseURL}/?embed=1&scenario=raft-figure7&frame=200&lang=${lang}" width="800" height="450" style="border:0"></iframe>`,
    );
    await expect(page.frameLocator('iframe').locator('[data-node]').first()).toBeVisible();
    await expect(page.frameLocator('iframe').getByTestId('frame')).toHaveText('200');
    const inner = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await seriousAxeViolations(inner)).toEqual([]);
  });
}

test('inside an 800×450 iframe with embed=1: stage and transport fit, nothing scrolls', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 900, height: 600 });
  await page.setContent(`<iframe title="Quorumscope" src="${baseURL}/?embed=1&scenario=raft-election&frame=200" width="800" height="450" style="border:0"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('[data-node]')).toHaveCount(5);
  await expect(frame.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(frame.getByTestId('frame')).toHaveText('200');
  const inner = page.frames().find((f) => f !== page.mainFrame())!;
  const m = await inner.evaluate(() => {
    const se = document.scrollingElement!;
    const nodes = [...document.querySelectorAll('[data-node]')].map((n) => n.getBoundingClientRect());
    return { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight, nodes: nodes.map((r) => [r.left, r.top, r.right, r.bottom]) };
  });
  expect(m.sw).toBeLessThanOrEqual(m.cw);
  expect(m.sh).toBeLessThanOrEqual(m.ch);
  for (const [l, t, r, b] of m.nodes) {
    expect(l).toBeGreaterThanOrEqual(0);
    expect(t).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThanOrEqual(800);
    expect(b).toBeLessThanOrEqual(450);
  }
  // No app chrome in an embed.
  await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);
});

test('the UI speaks Chinese and switches back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 100, lang: 'zh' });
  await expect(page.getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '前进一步', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', /zh/);
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('no console errors on load', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const app = new AppPage(page);
  await app.open({ autoplay: 1, speed: 1 });
  await app.waitForLeader();
  expect(errors).toEqual([]);
});
