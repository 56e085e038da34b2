/**
 * The host API and the example reveal.js deck (examples/deck/): the deck drives its embeds
 * over postMessage and hears them back; a malformed message of a known type gets an
 * `error`; Escape inside an embed gives the keys back to the deck (same origin and cross
 * origin); an embed with autoplay=1 on a slide not yet shown waits for its slide.
 */
import { expect, test } from '@playwright/test';
import { DeckPage } from './pages/deck';

test('the deck hears `ready` with the protocol and the frames recorded so far', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  for (const i of [0, 1]) {
    await expect(deck.ready(i)).toHaveAttribute('data-protocol', 'raft');
    expect(Number(await deck.ready(i).getAttribute('data-frames'))).toBeGreaterThanOrEqual(1);
  }
  await expect(deck.ready(0)).toContainText('Ready: raft');
});

test('the deck steps, seeks, plays and hears `frame` back', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  await deck.button(0, /Step forward/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '1');
  await expect(deck.embed(0).getByTestId('frame')).toHaveText('1');
  await deck.button(0, /Step forward/).click();
  await deck.button(0, /Step forward/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '3');
  await deck.button(0, /Step back/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '2');
  await expect(deck.embed(0).getByTestId('frame')).toHaveText('2');

  await deck.seek(0, 40);
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '40');
  await expect(deck.embed(0).getByTestId('frame')).toHaveText('40');
  // The time heard is the frame's virtual time, as the embed shows it.
  expect(Number(await deck.heard(0).getAttribute('data-time'))).toBeGreaterThan(0);
  await expect(deck.heard(0)).toHaveAttribute('data-playing', 'false');

  await deck.button(0, /Next mark/).click();
  await expect.poll(() => deck.heardFrame(0)).toBeGreaterThan(40);

  await deck.button(0, /Play/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-playing', 'true');
  await expect(deck.embed(0).getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  const start = await deck.heardFrame(0);
  await expect.poll(() => deck.heardFrame(0)).toBeGreaterThan(start);
  await deck.button(0, /Pause/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-playing', 'false');
  // The last frame heard is the one on screen.
  await expect.poll(async () => (await deck.heardFrame(0)) === (await deck.embedFrame(0))).toBe(true);
});

test("the deck's keys drive the current slide's embed: ] steps, . plays and pauses", async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  await page.keyboard.press(']');
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '1');
  await page.keyboard.press('.');
  await expect(deck.heard(0)).toHaveAttribute('data-playing', 'true');
  await page.keyboard.press('.');
  await expect(deck.heard(0)).toHaveAttribute('data-playing', 'false');
  expect(await deck.currentSlide()).toBe(0);
});

test('a malformed message of a known type gets an `error`; unknown ones and other senders are ignored', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  await deck.seek(0, -5);
  await expect(deck.error(0)).toContainText('seek');
  await expect(deck.error(0)).toHaveAttribute('data-message', /frame/);

  const bad = await deck.postAndCollect(0, { source: 'quorumscope', type: 'seek', frame: 'ten' });
  expect(bad).toEqual([{ source: 'quorumscope', type: 'error', message: expect.stringContaining('frame') }]);
  const badStep = await deck.postAndCollect(0, { source: 'quorumscope', type: 'step', by: 3 });
  expect(badStep).toEqual([{ source: 'quorumscope', type: 'error', message: expect.stringContaining('by') }]);
  const badLesson = await deck.postAndCollect(0, { source: 'quorumscope', type: 'lesson', name: 'nope' });
  expect(badLesson).toEqual([{ source: 'quorumscope', type: 'error', message: expect.stringContaining('name') }]);

  // Not ours: no answer, nothing moves.
  expect(await deck.postAndCollect(0, { source: 'quorumscope', type: 'dance' }, 600)).toEqual([]);
  expect(await deck.postAndCollect(0, { source: 'someone-else', type: 'seek', frame: 9 }, 600)).toEqual([]);
  expect(await deck.postAndCollect(0, 'slide:start', 600)).toEqual([]);
  // A well-formed seek answers with its frame.
  const ok = await deck.postAndCollect(0, { source: 'quorumscope', type: 'seek', frame: 12 });
  expect(ok).toContainEqual(expect.objectContaining({ type: 'frame', frame: 12, playing: false }));

  // Only the parent window may drive the embed: the embed posting to itself is ignored.
  const inner = page.frames().find((f) => f.url().includes('raft-election'))!;
  await inner.evaluate(() => window.postMessage({ source: 'quorumscope', type: 'seek', frame: 30 }, '*'));
  await page.waitForTimeout(500);
  await expect(deck.embed(0).getByTestId('frame')).toHaveText('12');
});

test('host messages switch the lesson and the language', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  const answers = await deck.postAndCollect(0, { source: 'quorumscope', type: 'lesson', name: 'raft-leader-crash' }, 3000);
  expect(answers).toContainEqual(expect.objectContaining({ type: 'ready', protocol: 'raft' }));
  await deck.page.getByRole('button', { name: /Switch the deck/ }).first().click();
  await expect(deck.embed(0).getByRole('button', { name: '播放', exact: true })).toBeVisible();
  await expect(deck.embed(1).getByRole('button', { name: '播放', exact: true }).or(deck.embed(1).getByRole('button', { name: '暂停', exact: true }))).toBeVisible();
  await expect(deck.button(0, /前进一步/)).toBeVisible();
});

for (const [label, key] of [
  ['ArrowRight', 'ArrowRight'],
  ['PageDown', 'PageDown'],
] as const) {
  test(`Escape inside the embed gives the keys back to the deck: the next ${label} changes the slide`, async ({ page }) => {
    const deck = new DeckPage(page);
    await deck.open();
    await deck.focusEmbed(0);
    // While the embed has the keyboard, its presenter keys act on it, and the deck stays.
    await page.keyboard.press('ArrowRight');
    await expect(deck.embed(0).getByTestId('frame')).toHaveText('1');
    expect(await deck.currentSlide()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    await expect.poll(() => deck.currentSlide()).toBe(1);
    // The embed did not take that key too.
    await expect(deck.embed(0).getByTestId('frame')).toHaveText('1');
  });
}

test('Escape gives the keys back to a deck of another origin too', async ({ page, baseURL }) => {
  const app = new URL(baseURL!);
  // The deck on localhost, the app it embeds on 127.0.0.1: two origins, one server.
  const deckOrigin = `http://localhost:${app.port}`;
  const deck = new DeckPage(page);
  await deck.open({ app: `${app.origin}/` }, deckOrigin);
  expect(new URL(page.url()).origin).not.toBe(app.origin);
  await deck.button(0, /Step forward/).click();
  await expect(deck.heard(0)).toHaveAttribute('data-frame', '1');
  await deck.focusEmbed(0);
  await page.keyboard.press('ArrowRight');
  await expect(deck.embed(0).getByTestId('frame')).toHaveText('2');
  await page.keyboard.press('Escape');
  await page.keyboard.press('PageDown');
  await expect.poll(() => deck.currentSlide()).toBe(1);
});

test('an embed with autoplay=1 on a slide not yet shown stays at frame 0 until its slide is shown', async ({ page }) => {
  const deck = new DeckPage(page);
  await deck.open();
  await expect(deck.ready(1)).toHaveAttribute('data-protocol', 'raft');
  // Long enough for the election at the lesson's speed to be well under way had it started.
  await page.waitForTimeout(2500);
  expect(await deck.embedFrame(1)).toBe(0);
  // At the lesson's slow speed the first event takes seconds: the clock tells more than the frame.
  expect(await deck.embedTimeMs(1)).toBe(0);
  await expect(deck.embed(1).getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => deck.currentSlide()).toBe(1);
  await expect(deck.heard(1)).toHaveAttribute('data-playing', 'true');
  await expect(deck.embed(1).getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => deck.embedTimeMs(1)).toBeGreaterThan(0);
  // The first slide's embed (no autoplay) never started.
  expect(await deck.embedFrame(0)).toBe(0);
});
