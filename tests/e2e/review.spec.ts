/**
 * Regressions found in review of the browser UI: playback at max speed and the scenario's
 * end, a user action racing a step, lesson switches between cluster sizes, the lesson kept
 * in the address, the 800×450 embed, the Chinese violation caption, and long seeks.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage, encodeScenario } from './pages/app';

/** Collects uncaught errors and console errors from the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return errors;
}

test('at max speed Play reaches the scenario’s end, says so, and a second Play goes past it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8', speed: 'max' }); // until = 3 s
  await page.keyboard.press('Space');
  await expect(app.caption()).toContainText('Reached the scenario’s end');
  await expect(app.button('Play')).toBeVisible();
  const stopped = await app.frame();
  expect(await app.timeMs()).toBeLessThanOrEqual(3000);
  await page.keyboard.press('Space');
  await expect.poll(() => app.timeMs()).toBeGreaterThan(3000);
  await expect.poll(() => app.frame()).toBeGreaterThan(stopped);
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();
  // Paused past the end: the caption no longer claims it has just been reached.
  await expect(app.caption()).not.toContainText('Reached the scenario’s end');
});

test('an action followed at once by a step is in the address bar, and a reload shows it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 300000 });
  await expect(page.getByTestId('frame')).toHaveText('300,000');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('frame')).toHaveText('299,998');
  await app.select(2);
  // The crash forks a long run (slow), and → comes before its answer.
  await app.button('Crash').click();
  await page.keyboard.press('ArrowRight');
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
  await expect.poll(() => app.inlineScenario()?.script?.some((a) => a.do === 'crash' && a.node === 2) ?? false).toBe(true);
  const frame = await app.frame();
  await expect.poll(() => app.params().get('frame')).toBe(String(frame));
  await page.reload();
  await expect(page.getByTestId('frame')).toHaveText(app.frameText(frame));
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
});

test('switching from a seven-node lesson to a five-node one throws nothing', async ({ page }) => {
  const errors = watchErrors(page);
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure7', autoplay: 1, speed: 1 });
  await expect(app.nodes()).toHaveCount(7);
  await app.lessonSelect().selectOption('raft-figure8');
  await expect(app.nodes()).toHaveCount(5);
  await expect.poll(() => app.params().get('scenario')).toBe('raft-figure8');
  await app.stepForward();
  await expect(page.getByTestId('frame')).toHaveText('1');
  expect(errors).toEqual([]);
  await expect(app.alerts()).toHaveCount(0);
});

test('after an action the address keeps the lesson, and a reload restores it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8', frame: 20 });
  await app.crash(4);
  await expect.poll(() => app.inlineScenario()).not.toBeNull();
  expect(app.params().get('lesson')).toBe('raft-figure8');
  await page.reload();
  await expect(app.node(4)).toHaveAttribute('data-alive', 'false');
  await expect(app.lessonSelect()).toHaveValue('raft-figure8');
  await app.button('First frame').click();
  await expect(app.caption()).toContainText('The Raft paper’s Figure 8');
  // A name that is not a lesson is refused with a message, like any bad parameter.
  await app.open({ s: encodeScenario(app.inlineScenario()), lesson: 'no-such-lesson' });
  await expect(app.alerts().first()).toContainText('lesson=');
});

for (const lang of ['en', 'zh'] as const) {
  test(`embed 800×450 (${lang}): the caption wraps whole and the banners cover no control`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 800, height: 450 });
    const app = new AppPage(page);
    // A long lesson text at frame 0, and a bad parameter for a banner.
    await page.goto(`${baseURL}/?embed=1&scenario=raft-figure8-bug&speed=fast&lang=${lang}`);
    await expect(app.nodes()).toHaveCount(5);
    await app.select(1);
    await expect(page.locator('.node-bar')).toBeVisible();
    await page.screenshot({ path: `test-results/embed-${lang}.png` });
    const m = await page.evaluate(() => {
      const box = (el: Element | null) => {
        const r = el!.getBoundingClientRect();
        return { l: r.left, t: r.top, r: r.right, b: r.bottom };
      };
      const cap = document.querySelector('.caption')!;
      const se = document.scrollingElement!;
      return {
        scroll: [se.scrollWidth, se.scrollHeight, se.clientWidth, se.clientHeight],
        caption: { ...box(cap), sh: cap.scrollHeight, ch: cap.clientHeight, sw: cap.scrollWidth, cw: cap.clientWidth, text: cap.textContent ?? '' },
        banners: [...document.querySelectorAll('.problem')].map(box),
        controls: [document.querySelector('.node-bar'), document.querySelector('[data-node="1"]'), document.querySelector('.legend-wrap button'), ...document.querySelectorAll('[data-node]')].map(box),
      };
    });
    expect(m.scroll[0]).toBeLessThanOrEqual(m.scroll[2]);
    expect(m.scroll[1]).toBeLessThanOrEqual(m.scroll[3]);
    // The whole text is shown: no clamp, nothing overflowing, inside the page.
    expect(m.caption.sh).toBeLessThanOrEqual(m.caption.ch + 1);
    expect(m.caption.sw).toBeLessThanOrEqual(m.caption.cw + 1);
    expect(m.caption.b).toBeLessThanOrEqual(450);
    expect(m.caption.text).not.toContain('…');
    expect(m.banners.length).toBe(1);
    const overlap = (a: typeof m.caption, b: typeof m.caption) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    for (const banner of m.banners) for (const c of m.controls) expect(overlap(banner as typeof m.caption, c as typeof m.caption)).toBe(false);
    for (const c of m.controls.slice(3)) expect(overlap(m.caption, c as typeof m.caption)).toBe(false);
  });
}

test('the violation caption and a bad scenario’s banner speak Chinese', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8-bug', frame: 5000, lang: 'zh' });
  const stopped = page.locator('.caption.violation');
  await expect(stopped).toContainText('领导者完整性（Leader Completeness）');
  await expect(stopped).toContainText('成为任期 7 的领导者');
  await expect(stopped).toContainText(/第 \d+ 帧/);
  await expect(stopped).toContainText('种子 397');
  await expect(stopped).not.toContainText('became leader');
  await app.open({ s: encodeScenario({ protocol: 'raft', nodes: 0 }), lang: 'zh' });
  await expect(app.alerts().first()).toContainText('场景无效');
  await expect(app.alerts().first()).toContainText('nodes');
});

test('a link to a frame past 400 000 opens at that frame', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 450000 });
  await expect(page.getByTestId('frame')).toHaveText('450,000', { timeout: 30_000 });
});
