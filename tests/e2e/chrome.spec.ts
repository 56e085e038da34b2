/**
 * The app's chrome (issue 12): the transport's mark buttons, speeds and readout, the
 * timeline's marks (scripted actions ahead of the run, lesson stops, no overlaps), the
 * event list's "Decisions only", the inspector's Time out, and focus that never falls to
 * <body> (Crash/Restart, Heal, the Partition popover). Play's contrast in both themes.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { LESSONS, LESSON_META } from '../../src/store/lessons';

test('a scripted action is on the timeline before it happens, hollow, and turns solid once reached', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-leader-crash', frame: 0 });
  // The lesson crashes n3 at 1.5 s and restarts it at 4.5 s: both are there at frame 0.
  const crash = app.timelineMarks('crash');
  await expect(crash).toHaveCount(1);
  await expect(crash).toHaveAttribute('data-future', 'true');
  expect(await app.markTitle(crash)).toContain('n3 crashes');
  expect(await app.markTitle(crash)).toContain('1.500 s');
  await expect(app.timelineMarks('restart')).toHaveAttribute('data-future', 'true');
  // Hollow: the glyph is outlined, not filled like a past mark.
  const fill = await crash.locator('text').evaluate((e) => getComputedStyle(e).fill);
  const bg = await page.locator('.transport').evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(fill).toBe(bg);
  // Clicking it plays the run to the crash: the mark is a past one now, n3 is down.
  await crash.dispatchEvent('pointerdown');
  await expect(app.node(3)).toHaveAttribute('data-alive', 'false');
  await expect(app.timelineMarks('crash')).toHaveAttribute('data-future', 'false');
  expect(await app.timeMs()).toBeGreaterThanOrEqual(1500);
  await expect(app.timelineMarks('restart')).toHaveAttribute('data-future', 'true');
});

test('the lesson’s stops are marks on the timeline, titled with their sentences', async ({ page }) => {
  const app = new AppPage(page);
  const lesson = LESSONS.find((l) => LESSON_META[l].stops.length > 0);
  expect(lesson, 'a lesson that declares stops (src/store/lessons.ts)').toBeDefined();
  const stops = LESSON_META[lesson!].stops;
  await app.open({ scenario: lesson!, frame: 0 });
  const marks = app.timelineMarks('stop');
  // Stops merge only with stops: together they stand for every stop of the lesson.
  const counts = await marks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(stops.length);
  expect(await app.markTitle(marks.first())).toMatch(/Stop 1: \S/);
});

/** No two drawn marks' boxes intersect. */
async function expectNoOverlap(app: AppPage, where: string): Promise<number> {
  const boxes = await app.markBoxes();
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      expect(overlapX > 0.5 && overlapY > 0.5, `${where}: ${a.kind} at ${a.x.toFixed(1)} overlaps ${b.kind} at ${b.x.toFixed(1)}`).toBe(false);
    }
  }
  return boxes.length;
}

test('timeline marks never overlap: close ones merge, and the merged title lists them', async ({ page }) => {
  const app = new AppPage(page);
  // A burst of requests (and their commits) with a crash and a restart in the middle of it.
  const burst = Array.from({ length: 20 }, (_, i) => ({ at: 800 + i * 10, do: 'request', value: `v=${i}` }));
  await app.openScenario(
    {
      protocol: 'raft',
      nodes: 5,
      seed: 1,
      until: 3000,
      script: [...burst, { at: 850, do: 'crash', node: 1 }, { at: 870, do: 'restart', node: 1 }, { at: 2500, do: 'crash', node: 2 }],
    },
    { frame: 1500 },
  );
  await expect(app.timelineMarks('commit').first()).toBeVisible();
  expect(await expectNoOverlap(app, 'burst')).toBeGreaterThan(3);
  // The crash and restart 20 ms apart are one mark showing the crash; its title lists both.
  const merged = app.timelineMarks('crash').first();
  await expect(merged).toHaveAttribute('data-count', '2');
  const title = await app.markTitle(merged);
  expect(title.split('\n')).toEqual(['2 marks here:', 'n1 crashed', 'n1 restarted']);
  // The requests merged too, and nothing was lost: the bottom row stands for all 20 and their commits.
  const bottom = await app.page.locator('.timeline [data-mark="request"], .timeline [data-mark="commit"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(bottom.length).toBeLessThan(20);
  expect(bottom.reduce((a, b) => a + b, 0)).toBeGreaterThan(20);

  await app.open({ scenario: 'raft-partition', frame: 2500 });
  await expect(app.timelineMarks('heal')).toBeVisible();
  await expectNoOverlap(app, 'partition');

  // In an 800×450 slide the timeline is shorter: still no overlaps.
  await page.setViewportSize({ width: 800, height: 450 });
  await app.open({ scenario: 'raft-partition', frame: 2500, embed: 1 });
  await expect(app.timelineMarks('heal')).toBeVisible();
  await expectNoOverlap(app, 'partition, embed');
});

test('a lesson’s close stops are separate marks, each clickable, at frame 0 and after a long run', async ({ page }) => {
  const app = new AppPage(page);
  // raft-election: 8 stops in 185–275 ms of a 10 s run (they used to be one merged mark).
  const stops = LESSON_META['raft-election'].stops;
  await app.open({ scenario: 'raft-election', frame: 0 });
  const marks = app.timelineMarks('stop');
  await expect(marks).toHaveCount(stops.length);
  expect(await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-count')))).toEqual(stops.map(() => '1'));
  await expectNoOverlap(app, 'raft-election, frame 0');
  for (let i = 0; i < stops.length; i++) {
    await marks.nth(i).click();
    await expect.poll(() => app.timeMs()).toBe(stops[i]);
  }
  await expectNoOverlap(app, 'raft-election, after the stops');
  // The right end of the track still goes to the scenario's end (10 s), past the stops.
  const box = (await page.locator('.timeline svg[role=slider]').boundingBox())!;
  await page.mouse.click(box.x + box.width - 2, box.y + 2);
  await expect.poll(() => app.timeMs()).toBeGreaterThanOrEqual(9900);
  // A long run: every stop is still its own mark, nothing overlaps.
  await app.open({ scenario: 'raft-election', frame: 12000 });
  await expect(marks).toHaveCount(stops.length);
  await expectNoOverlap(app, 'raft-election, frame 12000');
  // Figure 7 (9 stops in 0–350 ms) and the split vote too.
  for (const lesson of ['raft-figure7', 'raft-split-vote'] as const) {
    await app.open({ scenario: lesson, frame: 0 });
    await expect(marks).toHaveCount(LESSON_META[lesson].stops.length);
    await expectNoOverlap(app, `${lesson}, frame 0`);
  }
  // An 800×450 slide in large type: the transport stays one line, the stops stay apart.
  await page.setViewportSize({ width: 800, height: 450 });
  await app.open({ scenario: 'raft-election', frame: 0, embed: 1, large: 1 });
  await expect(marks).toHaveCount(stops.length);
  await expectNoOverlap(app, 'raft-election, large embed');
  const fit = await page.evaluate(() => {
    const t = document.querySelector('.transport')!;
    const tops = [...t.children].map((c) => c.getBoundingClientRect().top);
    return { overflow: t.scrollWidth - t.clientWidth, rows: Math.max(...tops) - Math.min(...tops), timeline: document.querySelector('.timeline')!.getBoundingClientRect().width };
  });
  expect(fit.overflow).toBeLessThanOrEqual(0);
  expect(fit.rows).toBeLessThan(20);
  expect(fit.timeline).toBeGreaterThanOrEqual(160);
});

test('“Decisions only” is on by default and hides heartbeat rows; off shows them', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 400 });
  await app.openTab('Events');
  const filter = page.getByRole('checkbox', { name: 'Decisions only' });
  await expect(filter).toBeChecked();
  const heartbeatRows = app.eventRows().filter({ has: page.locator('.ev-head', { hasText: /heartbeat/i }) }).filter({ hasNot: page.locator('[aria-current="true"]') });
  await expect(app.eventRows().first()).toBeVisible();
  await expect(heartbeatRows).toHaveCount(0);
  // The current frame stays in the list whatever it is.
  await expect(page.locator('.events [aria-current="true"]')).toHaveCount(1);
  await filter.uncheck();
  await expect.poll(() => heartbeatRows.count()).toBeGreaterThan(0);
  await expect(page.locator('.events [aria-current="true"]')).toHaveCount(1);
});

test('Time out on a follower records the action and makes it a candidate', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 300 });
  const leader = await app.waitForLeader();
  const follower = leader === 1 ? 2 : 1;
  const term = await app.term(follower);
  await app.select(follower);
  await app.button('Time out').click();
  await expect.poll(() => app.inlineScenario()?.script?.some((a) => a.do === 'timeout' && a.node === follower) ?? false).toBe(true);
  // The timer fires at once (the simulator runs the action): a candidate of the next term.
  await expect(app.node(follower)).toHaveAttribute('data-role', /^(candidate|precandidate)$/);
  expect(await app.term(follower)).toBeGreaterThan(term);
  // A crashed node has no timer to fire: no Time out.
  await app.button('Crash').click();
  await expect(app.node(follower)).toHaveAttribute('data-alive', 'false');
  await expect(app.button('Time out')).toHaveCount(0);
});

test('after Crash focus is on Restart (and back), after Heal on Partition: never on <body>', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  await app.select(2);
  await app.button('Crash').click();
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
  await expect(app.button('Restart')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.node(2)).toHaveAttribute('data-alive', 'true');
  await expect(app.button('Crash')).toBeFocused();

  await app.button('Partition').click();
  await page.locator('.partition-menu').getByRole('button', { name: 'Apply partition' }).click();
  await expect(app.button('Partition')).toBeFocused();
  await app.button('Heal').click();
  await expect(app.button('Heal')).toBeDisabled();
  await expect(app.button('Partition')).toBeFocused();

  // The transport's First frame cannot act at frame 0, and keeps focus all the same.
  await app.button('First frame').click();
  await expect(page.getByTestId('frame')).toHaveText('0');
  await expect(app.button('First frame')).toBeFocused();
  expect((await app.focused())?.tag).not.toBe('BODY');
});

test('the Partition popover holds focus: Tab cycles inside, Escape closes and returns focus', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  const trigger = app.button('Partition');
  await trigger.click();
  const menu = page.locator('.partition-menu');
  await expect(menu).toBeVisible();
  expect(await app.focusInside('.partition-menu')).toBe(true);
  const controls = await menu.locator('button:not([disabled])').count();
  const seen = new Set<string>();
  for (let i = 0; i < controls + 3; i++) {
    await page.keyboard.press('Tab');
    expect(await app.focusInside('.partition-menu'), `after Tab ${i + 1}`).toBe(true);
    seen.add((await app.focused())?.name ?? '');
  }
  // It cycled through every control, not a subset.
  expect(seen.size).toBe(controls);
  for (let i = 0; i < controls + 1; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await app.focusInside('.partition-menu'), `after Shift+Tab ${i + 1}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

test('the link menu holds focus too, and Mend hands it to a cut button', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  await app.link(1, 2).click();
  await app.button('Cut n1 → n2').click();
  await expect(app.link(1, 2)).toHaveAttribute('data-cut', '1>2');
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await app.focusInside('.link-menu')).toBe(true);
  }
  await app.button('Mend').click();
  await expect(app.link(1, 2)).not.toHaveAttribute('data-cut', /.+/);
  expect(await app.focusInside('.link-menu')).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('.link-menu')).toHaveCount(0);
  expect((await app.focused())?.tag).not.toBe('BODY');
});

/** WCAG contrast of the Play icon against its button. */
async function playContrast(page: Page): Promise<number> {
  return page.getByRole('button', { name: /^(Play|播放)$/ }).evaluate((btn) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const icon = btn.querySelector('path')!;
    const a = lum(rgb(getComputedStyle(icon).fill));
    const b = lum(rgb(getComputedStyle(btn).backgroundColor));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test('the Play icon has a contrast of at least 4.5:1 in the light and the dark theme', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 10 });
  await expect(page.locator('.qs-app')).toHaveAttribute('data-theme', 'light');
  expect(await playContrast(page)).toBeGreaterThanOrEqual(4.5);
  await app.button('Dark theme').click();
  await expect(page.locator('.qs-app')).toHaveAttribute('data-theme', 'dark');
  expect(await playContrast(page)).toBeGreaterThanOrEqual(4.5);
});

test('the readout keeps its width from frame 9 to frame 12,000, in one number format', async ({ page }) => {
  const app = new AppPage(page);
  const measure = () =>
    page.evaluate(() => ({
      readout: document.querySelector('.tp-readout')!.getBoundingClientRect().width,
      timeline: document.querySelector('.timeline')!.getBoundingClientRect().width,
    }));
  await app.open({ scenario: 'raft-election', frame: 9 });
  await expect(page.getByTestId('frame')).toHaveText('9');
  const small = await measure();
  await app.open({ scenario: 'raft-election', frame: 12000 });
  await expect(page.getByTestId('frame')).toHaveText('12,000');
  await expect(page.locator('.tp-frame')).toHaveText(/^frame 12,000 \/ 12,\d{3}$/);
  const large = await measure();
  expect(Math.abs(large.readout - small.readout)).toBeLessThan(0.5);
  expect(Math.abs(large.timeline - small.timeline)).toBeLessThan(0.5);
  await app.open({ scenario: 'raft-election', frame: 12000, lang: 'zh' });
  await expect(page.locator('.tp-frame')).toHaveText(/^第 12,000 帧 \/ 共 12,\d{3} 帧$/);
});

test('mark buttons and slow speeds: named in both languages, Next mark moves on', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 10 });
  const options = await page.locator('.tp-speed select option').allTextContents();
  expect(options).toEqual(expect.arrayContaining(['1/1000×', '1/100×', '1/50×', '1×', '10×', 'max']));
  await app.button('Next mark').click();
  await expect.poll(() => app.frame()).toBeGreaterThan(10);
  const after = await app.frame();
  await app.button('Previous mark').click();
  await expect.poll(() => app.frame()).toBeLessThan(after);
  await app.open({ scenario: 'raft-election', frame: 10, lang: 'zh' });
  await expect(app.button('下一个标记')).toBeVisible();
  await expect(app.button('上一个标记')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '只看决策' })).toHaveCount(0); // only on the Events tab
  await app.select(1);
  await expect(app.button('立即超时')).toBeVisible();
});
