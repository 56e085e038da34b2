/**
 * What the stage shows: a glyph per message kind and answer, a candidate's vote tally, the
 * paused sign, words while playing, the lesson's text at any frame, the message inspector
 * with Drop, the embed that carries the lesson (Figure 7's logs beside the stage, labels
 * ≥ 14 px at 800×450, large type clearly larger), and axe on the full and embed layouts.
 */
import { mkdirSync } from 'node:fs';
import { expect, test, type Frame } from '@playwright/test';
import { AppPage } from './pages/app';
import { embedFit, openEmbed } from './pages/embed';
import { seriousAxeViolations } from './support/axe';
import { LESSONS } from '../../src/store/lessons';
import { HASHRING_LESSONS } from '../../src/ui/hashring/lessons/meta';

/** The client label's font size on screen (px), or null without a client on the stage. */
function clientLabelPx(frame: Frame): Promise<number | null> {
  return frame.evaluate(() => {
    const el = document.querySelector<SVGTextElement>('.client-label');
    return el ? parseFloat(getComputedStyle(el).fontSize) * (el.getScreenCTM()?.a ?? 1) : null;
  });
}

/** The shape a glyph draws (its first painted element, without the hit area): tag and geometry. */
function shapeOf(el: Element): string {
  const shape = [...el.querySelectorAll('circle, path')].find((s) => !s.classList.contains('msg-hit') && !s.classList.contains('msg-ring'))!;
  return `${shape.tagName}:${shape.getAttribute('d') ?? `r=${shape.getAttribute('r')}`}`;
}

test.describe('message glyphs', () => {
  test('vote answers and append answers have different shapes; the answer shows as colour and ✓ / ✗', async ({ page }) => {
    const app = new AppPage(page);
    // Frame 8 of the election: requests, granted and denied votes in flight.
    await app.open({ scenario: 'raft-election', frame: 8 });
    await expect(app.messages('vote-granted').first()).toBeAttached();
    await expect(app.messages('vote-denied').first()).toBeAttached();
    await expect(app.messages('request-vote').first()).toBeAttached();
    const granted = await app.messages('vote-granted').first().evaluate(shapeOf);
    const denied = await app.messages('vote-denied').first().evaluate(shapeOf);
    const request = await app.messages('request-vote').first().evaluate(shapeOf);
    const marks = await app.messages().evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-glyph'), [...e.querySelectorAll('text')].map((t) => t.textContent).join('').replace(/[^✓✗]/g, '')])));
    expect(marks['vote-granted']).toBe('✓');
    expect(marks['vote-denied']).toBe('✗');
    const fills = await page.evaluate(() =>
      ['vote-granted', 'vote-denied'].map((g) => document.querySelector(`.messages [data-glyph="${g}"] circle:not(.msg-hit)`)?.getAttribute('fill')),
    );
    expect(fills[0]).not.toBe(fills[1]);
    expect(denied).toBe(granted); // same kind, same shape; the answer is colour and mark
    expect(request).not.toBe(granted);

    // Frame 22: the new leader's appends answered.
    await app.open({ scenario: 'raft-election', frame: 22 });
    await expect(app.messages('append-accepted').first()).toBeAttached();
    const accepted = await app.messages('append-accepted').first().evaluate(shapeOf);
    expect(accepted).not.toBe(granted);
    expect(await app.messages('append-accepted').first().locator('text').textContent()).toContain('✓');
  });

  test('the legend draws every kind and answer differently, marks inside their swatches', async ({ page }) => {
    const app = new AppPage(page);
    await app.open({ scenario: 'raft-election' });
    await app.button('Legend').click();
    const legend = page.getByRole('dialog', { name: 'What the shapes mean' });
    await expect(legend).toBeVisible();
    const items = await legend.locator('li').evaluateAll((lis) =>
      lis.map((li) => {
        const svg = li.querySelector('svg')!;
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
        const inside = texts.every((r) => r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5);
        const label = [...li.childNodes].filter((n) => n !== svg).map((n) => n.textContent).join('').trim();
        return { label, drawing: svg.innerHTML, inside };
      }),
    );
    const byLabel = (re: RegExp) => items.find((i) => re.test(i.label))!;
    const yes = byLabel(/^vote granted/);
    const no = byLabel(/^vote denied/);
    const ok = byLabel(/^append accepted/);
    const rejected = byLabel(/^append rejected/);
    expect(new Set([yes.drawing, no.drawing, ok.drawing, rejected.drawing]).size).toBe(4);
    // Kind by shape: a vote answer is a circle, an append answer a path (triangle).
    expect(yes.drawing).toContain('<circle');
    expect(ok.drawing).not.toContain('<circle');
    for (const i of items) expect(i.inside, `${i.label}: its mark is clipped`).toBe(true);
    expect(byLabel(/PreVote answer/).drawing).toContain('stroke-dasharray');
  });
});

test('a candidate shows its votes on the stage: granted so far / quorum', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 15 });
  const candidate = page.locator('[data-role="candidate"]');
  await expect(candidate).toHaveCount(1);
  await expect(candidate.locator('.node-votes')).toHaveText('2/3 votes');
  await expect(candidate).toHaveAttribute('aria-label', /, 2\/3 votes$/);
  // Followers and the leader show no tally.
  await expect(page.locator('[data-role="follower"] .node-votes')).toHaveCount(0);
  await app.open({ scenario: 'raft-election', frame: 15, lang: 'zh' });
  await expect(page.locator('[data-role="candidate"] .node-votes')).toHaveText('2/3 票');
});

test('the stage says when it is paused', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election' });
  await expect(app.pausedSign()).toBeVisible();
  await expect(app.pausedSign()).toHaveText(/Paused/);
  await app.play();
  await expect(app.pausedSign()).toBeHidden();
  await app.pause();
  await expect(app.pausedSign()).toBeVisible();
});

test('the caption stays up while playing, and the lesson’s text is one click away at any frame', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', speed: 0.1 });
  const caption = page.getByTestId('caption');
  await expect(caption).toBeVisible();
  await app.play();
  // Sampled through an election: never gone, and while playing it is a decision, a lesson
  // stop's sentence (or, before the first one, the lesson's premise), never the routine event
  // of the frame. Sampled until a decision shows (a loaded machine plays fewer frames a second).
  const sources = new Set<string>();
  for (let i = 0; i < 12 || (!sources.has('decision') && i < 80); i++) {
    await page.waitForTimeout(250);
    await expect(caption).toBeVisible();
    expect((await caption.textContent())?.length ?? 0).toBeGreaterThan(10);
    sources.add((await caption.getAttribute('data-source')) ?? '');
  }
  expect(sources.has('decision')).toBe(true);
  expect([...sources].every((s) => s === 'decision' || s === 'stop' || s === 'blurb'), [...sources].join()).toBe(true);
  expect(await app.frame()).toBeGreaterThan(0);
  await app.pause();
  // Past frame 0 the blurb is not in the caption, but "About this lesson" shows it.
  await app.button('About this lesson').click();
  await expect(page.getByTestId('lesson-about')).toContainText('Five servers start as followers');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('lesson-about')).toHaveCount(0);
});

test('inspect a message: clicking it pauses and shows its fields; Drop records a drop action', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 8 });
  const msg = app.messages('request-vote').first();
  const [from, to, nth] = ((await msg.getAttribute('data-msg')) ?? '').split('-').map(Number);
  expect(from).toBeGreaterThan(0);
  // Dispatched on the glyph itself: a click at its centre could land on a message drawn over it.
  await msg.dispatchEvent('click');
  const inspector = app.messageInspector();
  await expect(inspector).toBeVisible();
  await expect(inspector).toContainText('RequestVote');
  // Clicking a message while playing pauses; opened paused, it stays paused.
  await expect(app.pausedSign()).toBeVisible();
  await expect(inspector).toContainText(`from n${from} to n${to}`);
  await expect(inspector.getByTestId('message-fields')).toBeVisible();
  // Drop names the message by its send order on the link (MessageView.nth, 1-based, from the simulator).
  const drop = inspector.getByRole('button', { name: 'Drop', exact: true });
  expect(nth, 'the simulator numbers messages on their link from 1').toBeGreaterThanOrEqual(1);
  await expect(drop).toBeEnabled();
  await drop.click();
  await expect(inspector).toHaveCount(0);
  await expect.poll(() => app.inlineScenario()?.script?.some((a) => a.do === 'drop' && a.from === from && a.to === to && a.nth === nth) ?? false).toBe(true);
});

test('the inspector shows yes / no and a denied vote’s reason in words (en, zh)', async ({ page }) => {
  const app = new AppPage(page);
  for (const [lang, no, codes] of [['en', 'no', /alreadyVoted|logTermBehind|staleTerm|logShorter|knowsLeader/], ['zh', '否', /[a-zA-Z]/]] as const) {
    await app.open({ scenario: 'raft-election', frame: 8, lang });
    await app.messages('vote-denied').first().dispatchEvent('click');
    const fields = app.messageInspector().getByTestId('message-fields');
    await expect(fields.locator('[data-field="granted"] dd')).toHaveText(no);
    await expect(fields.locator('[data-field="preVote"] dd')).toHaveText(no);
    const reason = fields.locator('[data-field="reason"] dd');
    await expect(reason).toBeVisible();
    await expect(reason).not.toHaveText(codes);
    await expect(fields).not.toContainText(/\b(true|false)\b/);
    await page.keyboard.press('Escape');
  }
});

test('messages are reachable by keyboard from the selected node’s inspector', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 8 });
  await app.node(3).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /Node/ }).click();
  const item = page.locator('.msg-list button').first();
  await expect(item).toBeVisible();
  const name = (await item.textContent()) ?? '';
  expect(name).toMatch(/from n\d+ to n\d+/);
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(app.messageInspector()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(app.messageInspector()).toHaveCount(0);
});

test('the log view reaches every index and keeps the newest in view', async ({ page }) => {
  const app = new AppPage(page);
  // Twenty requests: more indexes than the old 14-column window.
  const script = Array.from({ length: 20 }, (_, i) => ({ at: 400 + i * 40, do: 'request', value: `x=${i + 1}` }));
  await app.openScenario({ protocol: 'raft', nodes: 3, seed: 1, until: 3000, script }, { frame: 2500 });
  await expect.poll(() => page.locator('[data-entry^="1:"]').count(), { timeout: 30_000 }).toBeGreaterThan(14);
  const last = await page.locator('[data-entry]').evaluateAll((els) => Math.max(...els.map((e) => Number(e.getAttribute('data-entry')!.split(':')[1]))));
  expect(last).toBeGreaterThanOrEqual(15);
  await expect(page.locator('[data-entry$=":1"]').first()).toBeAttached();
  const box = await page.locator('.log-scroll').evaluate((el) => ({ left: el.scrollLeft, max: el.scrollWidth - el.clientWidth }));
  expect(box.left).toBeGreaterThanOrEqual(box.max - 4);
  // The header names nextIndex / matchIndex; in Chinese the words are translated beside the identifiers.
  await expect(page.locator('.log-grid thead')).toContainText('nextIndex / matchIndex');
});

test.describe('embed at 800×450', () => {
  test('Figure 7 shows its logs beside the stage, labels ≥ 14 px, nothing scrolls (en, zh)', async ({ page, baseURL }) => {
    for (const lang of ['en', 'zh']) {
      const frame = await openEmbed(page, baseURL, `scenario=raft-figure7&lang=${lang}`);
      const outer = page.frameLocator('iframe');
      await expect(outer.locator('[data-entry="1:10"]')).toHaveAttribute('data-term', '6');
      await expect(outer.locator('[data-entry="7:11"]')).toHaveAttribute('data-term', '3');
      await expect(outer.locator('[data-entry="5:12"]')).toBeVisible();
      const app = new AppPage(page);
      const px = await app.stageLabelPx(frame);
      expect(px.id).toBeGreaterThanOrEqual(14);
      expect(px.role).toBeGreaterThanOrEqual(14);
      expect(px.term).toBeGreaterThanOrEqual(14);
      // Measured too: the role label's rendered box.
      const h = await frame.locator('[data-node] .node-role').first().evaluate((e) => e.getBoundingClientRect().height);
      expect(h).toBeGreaterThanOrEqual(14);
      const fit = await frame.evaluate(() => {
        const se = document.scrollingElement!;
        const boxes = [...document.querySelectorAll('[data-node], [data-entry]')].map((n) => n.getBoundingClientRect());
        return { sw: se.scrollWidth, sh: se.scrollHeight, cw: se.clientWidth, ch: se.clientHeight, out: boxes.filter((r) => r.left < 0 || r.top < 0 || r.right > 800 || r.bottom > 450).length };
      });
      expect(fit.sw).toBeLessThanOrEqual(fit.cw);
      expect(fit.sh).toBeLessThanOrEqual(fit.ch);
      expect(fit.out).toBe(0);
    }
  });

  test('the election lesson (no state view) keeps the stage alone; a candidate’s votes are ≥ 14 px', async ({ page, baseURL }) => {
    const frame = await openEmbed(page, baseURL, 'scenario=raft-election&frame=15&lang=zh');
    await expect(page.frameLocator('iframe').locator('[data-entry]')).toHaveCount(0);
    const px = await new AppPage(page).stageLabelPx(frame);
    expect(px.votes).not.toBeNull();
    expect(px.votes!).toBeGreaterThanOrEqual(14);
  });

  test('the client’s label is ≥ 14 px, and larger in large type', async ({ page, baseURL }) => {
    const frame = await openEmbed(page, baseURL, 'scenario=raft-partition&frame=400&lang=zh');
    await expect(frame.locator('.client-label')).toHaveText('客户端');
    const before = (await clientLabelPx(frame))!;
    expect(before).toBeGreaterThanOrEqual(14);
    const large = await openEmbed(page, baseURL, 'scenario=raft-partition&frame=400&lang=zh&large=1');
    await expect(large.locator('.client-label')).toBeVisible();
    // Polled: the drawing refits once the large type's caption has taken its room.
    await expect.poll(async () => ((await clientLabelPx(large)) ?? 0) / before).toBeGreaterThanOrEqual(1.25);
    expect(await embedFit(large)).toEqual({ scrolls: false, cut: 0 });
  });
});

test('large type makes the stage’s labels at least 1.25× larger', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 15 });
  const before = await app.stageLabelPx();
  await app.button('A+ Large type').click();
  await expect(page.locator('.qs-app')).toHaveAttribute('data-large', 'true');
  const after = await app.stageLabelPx();
  for (const k of ['id', 'role', 'term'] as const) expect(after[k] / before[k], k).toBeGreaterThanOrEqual(1.25);
});

test('large type in an 800×450 embed: labels at least 1.25× larger, nothing scrolls or is cut off (Figure 7, election)', async ({ page, baseURL }) => {
  for (const params of ['scenario=raft-figure7&lang=en', 'scenario=raft-figure7&lang=zh', 'scenario=raft-election&frame=15&lang=en']) {
    const app = new AppPage(page);
    const before = await app.stageLabelPx(await openEmbed(page, baseURL, params));
    const frame = await openEmbed(page, baseURL, `${params}&large=1`);
    await expect(frame.locator('.qs-app')).toHaveAttribute('data-large', 'true');
    const after = await app.stageLabelPx(frame);
    for (const k of ['id', 'role', 'term'] as const) expect(after[k] / before[k], `${params} ${k}`).toBeGreaterThanOrEqual(1.25);
    expect(await embedFit(frame), params).toEqual({ scrolls: false, cut: 0 });
  }
});

for (const lang of ['en', 'zh']) {
  test(`axe: no serious or critical violation on the full stage, a candidate selected (${lang})`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open({ scenario: 'raft-election', frame: 15, lang });
    await app.select(3);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
  test(`axe: no serious or critical violation in the embed with the log beside the stage (${lang})`, async ({ page, baseURL }) => {
    const frame = await openEmbed(page, baseURL, `scenario=raft-figure7&frame=30&lang=${lang}`);
    await frame.locator('[data-node="2"]').click();
    await expect(frame.locator('.node-bar')).toBeVisible();
    expect(await seriousAxeViolations(frame)).toEqual([]);
  });
}

test('every lesson at 1280×720 and 800×450, en and zh: labels fit, nothing is cut off (screenshots)', async ({ page, baseURL }, info) => {
  test.setTimeout(240_000);
  const dir = process.env.SHOTS_DIR ?? info.outputPath('shots');
  mkdirSync(dir, { recursive: true });
  // The cluster stage's lessons (Raft, ZAB); the hash ring's have their own stage, checked by tests/e2e/hashring-lessons.spec.ts.
  for (const lesson of LESSONS.filter((l) => !(HASHRING_LESSONS as readonly string[]).includes(l))) {
    for (const lang of ['en', 'zh']) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`/?scenario=${lesson}&frame=40&lang=${lang}`);
      await expect(page.locator('[data-node]').first()).toBeVisible();
      await page.screenshot({ path: `${dir}/${lesson}-${lang}-1280.png` });
      const frame = await openEmbed(page, baseURL, `scenario=${lesson}&frame=40&lang=${lang}`);
      await page.screenshot({ path: `${dir}/${lesson}-${lang}-embed.png`, clip: { x: 0, y: 0, width: 800, height: 450 } });
      const check = await frame.evaluate(() => {
        const svg = document.querySelector('svg')!.getBoundingClientRect();
        const texts = [...document.querySelectorAll('[data-node] text')].map((t) => t.getBoundingClientRect());
        const se = document.scrollingElement!;
        return {
          scrolls: se.scrollWidth > se.clientWidth || se.scrollHeight > se.clientHeight,
          cut: texts.filter((r) => r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1).length,
        };
      });
      expect(check.scrolls, `${lesson} ${lang}`).toBe(false);
      expect(check.cut, `${lesson} ${lang}: labels cut off`).toBe(0);
      const px = await new AppPage(page).stageLabelPx(frame);
      expect(Math.min(px.id, px.role, px.term), `${lesson} ${lang}`).toBeGreaterThanOrEqual(14);
    }
  }
});
