/**
 * The hash ring's lessons in the browser: each opens, next mark walks it to every stop, and
 * the caption says each stop's sentence, in English and in Chinese, with the router's ring as
 * the sentence describes it; the detector lesson shows its measured chart (computed in the
 * worker when the lesson opens) and ring-not-zookeeper its ZooKeeper-beside-the-ring bars; the
 * 800×450 embed fits in both languages. Screenshots in test-results/hashring-lessons/.
 */
import { expect, test } from '@playwright/test';
import { LESSON_META } from '../../src/store/lessons';
import { HASHRING_LESSONS } from '../../src/ui/hashring/lessons/meta';
import { DETECTOR_DEFAULTS } from '../../src/sim/experiments/detector';
import { RingLessonPage, openRingEmbed, ringEmbedFit } from './pages/hashring-lessons';
import { seriousAxeViolations } from './support/axe';

const SHOTS = 'test-results/hashring-lessons';
const ids = (k: number, without: number[] = [], plus: number[] = []) => [...Array.from({ length: k }, (_, i) => i + 1).filter((x) => !without.includes(x)), ...plus];

/** The router's ring at each stop, as the sentences say (pinned against the run by tests/unit/hashring-lessons). */
const RINGS: Record<(typeof HASHRING_LESSONS)[number], number[][]> = {
  'ring-add-remove': [ids(10), ids(10, [4]), ids(10, [4]), ids(10, [4], [11]), ids(10, [4], [11])],
  'ring-vnodes': [ids(10), ids(10), ids(11), ids(11), ids(11)],
  'ring-replicas': [ids(6), ids(6), ids(6, [3]), ids(6), ids(6)],
  'ring-schemes': [ids(10), ids(10, [4]), ids(10, [4, 10]), ids(10, [4, 10], [11]), ids(10, [4, 10], [11])],
  'ring-detector': [ids(5), ids(5), ids(5, [3]), [2, 4, 5], ids(5, [3]), ids(5, [3])],
  'ring-not-zookeeper': [ids(5), ids(5), ids(5), ids(5), ids(5)],
};

for (const lesson of HASHRING_LESSONS) {
  test(`${lesson}: each stop’s sentence in the caption, en and zh, with the ring it describes`, async ({ page }) => {
    const ring = new RingLessonPage(page);
    expect(RINGS[lesson]).toHaveLength(LESSON_META[lesson].stops.length);
    for (const lang of ['en', 'zh'] as const) {
      await ring.walk(lesson, lang, async (i) => {
        expect(await ring.ring(), `${lesson} ${lang} stop ${i}`).toEqual(RINGS[lesson][i]);
      });
      await page.screenshot({ path: `${SHOTS}/${lesson}-${lang}-last.png` });
    }
  });
}

test('ring-replicas: the crashed node is drawn dead but still in the ring until declared down', async ({ page }) => {
  const ring = new RingLessonPage(page);
  await ring.walk('ring-replicas', 'en', async (i) => {
    const n3 = ring.app.page.locator('[data-node="3"]');
    if (i === 1) await expect(n3).toHaveAttribute('data-alive', 'false');
    if (i === 1) await expect(n3).not.toHaveAttribute('data-declared-down', 'true');
    if (i === 2) await expect(n3).toHaveAttribute('data-declared-down', 'true');
  });
});

test('ring-detector: the measured chart, computed in the worker, beside the lesson in en and zh', async ({ page }) => {
  const ring = new RingLessonPage(page);
  const { heartbeatsMs, timeoutFactors, phiThresholds } = DETECTOR_DEFAULTS;
  for (const lang of ['en', 'zh'] as const) {
    const t0 = Date.now();
    await ring.app.open({ scenario: 'ring-detector', lang });
    const chart = ring.lessonPanel().locator('.detector-chart');
    await expect(chart).toBeVisible({ timeout: 20_000 });
    // The worker's run of the whole grid, from opening the page (load and build included): printed for the record.
    console.log(`ring-detector ${lang}: chart drawn ${Date.now() - t0} ms after opening the page`);
    await expect(chart).toHaveAttribute('data-points', String(heartbeatsMs.length * (timeoutFactors.length + phiThresholds.length)));
    // One line per heartbeat interval and detector.
    await expect(chart.locator('[data-series]')).toHaveCount(heartbeatsMs.length * 2);
    await expect(chart.locator('figcaption')).toHaveText(lang === 'en' ? 'Detection time against false suspicions (measured)' : '检测时间与误判（实测）');
    expect(await seriousAxeViolations(page, '[data-testid="lesson-panel"]'), lang).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/ring-detector-full-${lang}.png` });
  }
});

test('ring-not-zookeeper: every ZooKeeper server holds all 12 writes; each ring node only some of the keys', async ({ page }) => {
  const ring = new RingLessonPage(page);
  await ring.app.open({ scenario: 'ring-not-zookeeper', lang: 'en' });
  const panel = ring.lessonPanel();
  await expect(panel.locator('.replication-chart')).toBeVisible({ timeout: 20_000 });
  const zab = await panel.locator('[data-kind="zab"] tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
  const held = await panel.locator('[data-kind="ring"] tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
  expect(zab).toEqual([12, 12, 12, 12, 12]);
  expect(held.reduce((a, b) => a + b, 0)).toBe(36);
  for (const h of held) expect(h).toBeLessThan(12);
  expect(await seriousAxeViolations(page, '[data-testid="lesson-panel"]')).toEqual([]);
});

test('the 800×450 embed of a ring lesson fits, en and zh: nothing scrolls, no label is cut off, the lesson panel fits', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  for (const lesson of HASHRING_LESSONS) {
    for (const lang of ['en', 'zh']) {
      const frame = await openRingEmbed(page, baseURL, `scenario=${lesson}&lang=${lang}`);
      await frame.evaluate(async () => {
        const store = window.__quorumscopeStores![0];
        store.getState().setSpeed('max');
        for (let k = 0; k < 100 && store.getState().currentStop !== 2; k++) await store.getState().nextMark();
      });
      if (LESSON_META[lesson].embedState) await expect(frame.getByTestId('lesson-panel').locator('figure')).toBeVisible({ timeout: 20_000 });
      await expect(frame.getByTestId('caption')).toBeVisible();
      const fit = await ringEmbedFit(frame);
      expect(fit, `${lesson} ${lang}`).toEqual({ scrolls: false, cut: 0, panelCut: 0, panelOverflows: false });
      await page.screenshot({ path: `${SHOTS}/embed-${lesson}-${lang}.png` });
    }
  }
});
