/**
 * Presenter keys (DESIGN.md, "Slides" → Keys) and focus: a select never keeps the clicker's
 * keys, ".", "b" and Space play/pause, PageDown/PageUp go by marks, Home/End, Ctrl+Z undoes a
 * fork, and focus never falls to <body> when its element goes away.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

test('after picking a lesson, PageDown plays to the next mark and pauses there; the lesson stays', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const select = app.lessonSelect();
  // As a mouse pick leaves it: the select focused, its value changed.
  await select.focus();
  await select.selectOption('raft-figure7');
  await expect(app.nodes()).toHaveCount(7);
  await expect.poll(() => app.params().get('scenario')).toBe('raft-figure7');
  // Focus went back to the app, not left on the select.
  await expect.poll(() => app.focusedSelector()).toMatch(/^div\.qs-app/);
  expect(await app.frame()).toBe(0);
  await page.keyboard.press('PageDown');
  // It plays (not a jump) towards a mark no later than the lesson's first stop after 0 …
  await expect(app.button('Pause')).toBeVisible();
  const target = await app.playTo();
  expect(target).not.toBeNull();
  expect(target!.frame).toBeGreaterThan(0);
  expect(target!.time).toBeGreaterThan(0);
  expect(target!.time).toBeLessThanOrEqual(207); // raft-figure7's stops: 0, 207, … ms (src/store/lessons.ts)
  // … and pauses exactly on it.
  await expect(app.button('Play')).toBeVisible({ timeout: 15_000 });
  expect(await app.frame()).toBe(target!.frame);
  expect(await app.timeMs()).toBe(target!.time);
  await page.waitForTimeout(300);
  expect(await app.frame()).toBe(target!.frame);
  await expect(select).toHaveValue('raft-figure7');
  await expect(app.nodes()).toHaveCount(7);
  expect(app.params().get('scenario')).toBe('raft-figure7');
  // PageUp goes back to the previous mark, the start, still on the same lesson.
  await page.keyboard.press('PageUp');
  await expect.poll(() => app.frame()).toBe(0);
  await expect(app.button('Play')).toBeVisible();
  await expect(select).toHaveValue('raft-figure7');
  expect(app.params().get('scenario')).toBe('raft-figure7');
});

test('a keyboard user Tabs to the speed select and steps it with ArrowDown; focus stays on it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const speed = app.speedSelect();
  const values = await speed.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const before = await speed.inputValue();
  const i = values.indexOf(before);
  expect(i).toBeGreaterThanOrEqual(0);
  expect(i + 2).toBeLessThan(values.length);
  for (let n = 0; n < 60 && !(await app.hasFocus(speed)); n++) await page.keyboard.press('Tab');
  expect(await app.hasFocus(speed)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(speed).toHaveValue(values[i + 1]);
  await page.waitForTimeout(100);
  expect(await app.hasFocus(speed)).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(speed).toHaveValue(values[i + 2]);
  await page.waitForTimeout(100);
  expect(await app.hasFocus(speed)).toBe(true);
});

test('ArrowDown on the focused lesson select loads the next lesson and keeps focus on the select', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const lesson = app.lessonSelect();
  const values = await lesson.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const next = values[values.indexOf('raft-election') + 1];
  await lesson.focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => app.params().get('scenario')).toBe(next);
  await expect(lesson).toHaveValue(next);
  await page.waitForTimeout(200);
  expect(await app.hasFocus(lesson)).toBe(true);
});

test('a mouse press on the speed select, then a pick, gives focus back to the app', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const speed = app.speedSelect();
  await speed.focus();
  await page.keyboard.press('ArrowDown'); // a key first: the pointer press after it wins
  await page.waitForTimeout(100);
  await speed.dispatchEvent('pointerdown');
  await speed.dispatchEvent('mousedown');
  await speed.selectOption('0.1');
  await expect.poll(() => app.focusedSelector()).toMatch(/^div\.qs-app/);
  await expect(speed).toHaveValue('0.1');
});

test('a focused select gives the presenter keys to the app and keeps its value', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const speed = app.speedSelect();
  const before = await speed.inputValue();
  await speed.focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => app.frame()).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect.poll(() => app.frame()).toBe(0);
  await expect(speed).toHaveValue(before);
  await page.keyboard.press('Space');
  await expect(app.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(app.button('Play')).toBeVisible();
  await expect(speed).toHaveValue(before);

  const lesson = app.lessonSelect();
  await lesson.focus();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('End');
  await expect(lesson).toHaveValue('raft-election');
  expect(app.params().get('scenario')).toBe('raft-election');
});

test('a speed picked from the list gives focus back to the app', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  const speed = app.speedSelect();
  await speed.focus();
  await speed.selectOption('0.1');
  await expect.poll(() => app.focusedSelector()).toMatch(/^div\.qs-app/);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => app.frame()).toBe(1);
  await expect(speed).toHaveValue('0.1');
});

for (const key of ['.', 'b', ' ']) {
  test(`"${key === ' ' ? 'Space' : key}" toggles play`, async ({ page }) => {
    const app = new AppPage(page);
    // At 1× the first events come at once (the lesson's own speed takes seconds per hop).
    await app.open({ scenario: 'raft-election', speed: 1 });
    await page.keyboard.press(key);
    await expect(app.button('Pause')).toBeVisible();
    await expect.poll(() => app.frame()).toBeGreaterThan(0);
    await page.keyboard.press(key);
    await expect(app.button('Play')).toBeVisible();
    const stopped = await app.frame();
    await page.waitForTimeout(300);
    expect(await app.frame()).toBe(stopped);
  });
}

test('"." after clicking a transport button plays instead of pressing the button again', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  await app.stepForward();
  await expect.poll(() => app.frame()).toBe(1);
  await page.keyboard.press('.');
  await expect(app.button('Pause')).toBeVisible();
  await page.keyboard.press('b');
  await expect(app.button('Play')).toBeVisible();
});

test('after Crash and after Restart focus stays in the app, not on <body>, and keys still work', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 50 });
  await app.select(1);
  await app.button('Crash').click();
  await expect(app.node(1)).toHaveAttribute('data-alive', 'false');
  await page.waitForTimeout(200);
  expect(await app.focusedSelector()).not.toBe('body');
  await app.button('Restart').click();
  await expect(app.node(1)).toHaveAttribute('data-alive', 'true');
  await page.waitForTimeout(200);
  expect(await app.focusedSelector()).not.toBe('body');
  const at = await app.frame();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => app.frame()).toBe(at + 1);
});

test('a click on the stage background leaves focus in the app', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  await app.stepForward();
  await page.locator('.stage').click({ position: { x: 20, y: 300 } });
  await page.waitForTimeout(200);
  expect(await app.focusedSelector()).not.toBe('body');
});

test('Escape deselects the node', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  await app.select(2);
  await expect(app.button('Crash')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.button('Crash')).toHaveCount(0);
});

// Needs the playback area's Undo (on main, undo() is a placeholder that does nothing).
test('Ctrl+Z undoes a fork: the old scenario and frame come back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 120 });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('frame')).toHaveText('118');
  await app.crash(3);
  await expect.poll(() => app.inlineScenario()?.script?.some((a) => a.do === 'crash') ?? false).toBe(true);
  await page.keyboard.press('Control+z');
  await expect(app.node(3)).toHaveAttribute('data-alive', 'true');
  await expect.poll(() => app.params().get('scenario')).toBe('raft-election');
  await expect(page.getByTestId('frame')).toHaveText('118');
});
