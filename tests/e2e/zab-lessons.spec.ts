/**
 * ZAB's lessons in the browser: stepping through a lesson's stops (next mark) shows each
 * stop's sentence in the caption, in English and in Chinese, with the servers in the state the
 * sentence describes; the 800×450 embed of a lesson fits in both languages.
 */
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app';
import { embedFit, openEmbed } from './pages/embed';
import { LESSON_META, type LessonName } from '../../src/store/lessons';
import { lessonText } from '../../src/ui/lessons';

/**
 * Next mark until the store is at stop `i` (marks between stops — a commit, a crash — are
 * stops of their own for next mark); at speed max each next mark lands at once.
 */
function nextStop(page: Page, i: number): Promise<number | null> {
  return page.evaluate(async (want) => {
    const store = window.__quorumscopeStores![0];
    for (let k = 0; k < 100 && store.getState().currentStop !== want; k++) await store.getState().nextMark();
    return store.getState().currentStop;
  }, i);
}

/** Walk every stop of `lesson` with next mark, at full speed: the caption shows each stop's sentence. */
async function walkStops(app: AppPage, lesson: LessonName, lang: 'en' | 'zh', atStop: (i: number) => Promise<void> = async () => {}): Promise<void> {
  await app.open({ scenario: lesson, lang, speed: 'max' });
  const sentences = lessonText(lesson, lang).stops;
  const stops = LESSON_META[lesson].stops;
  expect(sentences).toHaveLength(stops.length);
  const caption = app.caption();
  for (let i = 0; i < stops.length; i++) {
    expect(await nextStop(app.page, i), `${lesson} ${lang}: stop ${i}`).toBe(i);
    await expect(caption).toHaveAttribute('data-source', 'stop');
    await expect(caption).toContainText(sentences[i]);
    expect(await app.timeMs()).toBeLessThanOrEqual(stops[i]);
    await atStop(i);
  }
}

test('zab-equal-histories: each stop’s sentence in the caption, en and zh; n5 leads epoch 2', async ({ page }) => {
  const app = new AppPage(page);
  const last = LESSON_META['zab-equal-histories'].stops.length - 1;
  for (const lang of ['en', 'zh'] as const) {
    await walkStops(app, 'zab-equal-histories', lang, async (i) => {
      if (i === last) {
        await expect(app.node(5)).toHaveAttribute('data-role', 'leading');
        for (const id of [1, 2, 3, 4]) await expect(app.node(id)).toHaveAttribute('data-role', 'following');
        await expect(app.node(5)).toHaveAttribute('data-epoch', '2');
      }
    });
  }
});

test('zab-sync-trunc: each stop’s sentence in the caption, en and zh; n1 loses its dead proposal', async ({ page }) => {
  const app = new AppPage(page);
  const last = LESSON_META['zab-sync-trunc'].stops.length - 1;
  for (const lang of ['en', 'zh'] as const) {
    await walkStops(app, 'zab-sync-trunc', lang, async (i) => {
      if (i === 0) await expect(app.node(1)).toHaveAttribute('data-zxid', '0x100000003');
      if (i === last) await expect(app.node(1)).toHaveAttribute('data-zxid', '0x200000001');
    });
  }
});

test('zab-crash-vs-silence: each stop’s sentence in the caption, en and zh', async ({ page }) => {
  const app = new AppPage(page);
  for (const lang of ['en', 'zh'] as const) await walkStops(app, 'zab-crash-vs-silence', lang);
});

test('the 800×450 embed of a ZAB lesson fits, en and zh: nothing scrolls, no label is cut off', async ({ page, baseURL }) => {
  for (const lang of ['en', 'zh']) {
    const frame = await openEmbed(page, baseURL, `scenario=zab-sync-trunc&frame=60&lang=${lang}`);
    const fit = { ...(await embedFit(frame)), nodes: await frame.locator('[data-node]').count() };
    expect(fit, lang).toEqual({ scrolls: false, cut: 0, nodes: 5 });
    await expect(frame.getByTestId('caption')).toBeVisible();
  }
});
