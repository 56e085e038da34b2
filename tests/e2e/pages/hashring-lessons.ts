/**
 * The hash ring's lessons in the browser: walking a lesson's stops with next mark, the
 * lesson's own panel (the detector chart, ZooKeeper beside the ring), and whether the 800×450
 * embed of a ring lesson fits — nothing scrolls, no node label leaves the ring's drawing, and
 * the lesson panel's content fits its box (a chart's labels inside the chart).
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app';
import { LESSON_META, type LessonName } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';

export class RingLessonPage {
  readonly app: AppPage;
  constructor(readonly page: Page) {
    this.app = new AppPage(page);
  }

  /** Next mark until the store is at stop `i` (at speed max each next mark lands at once). */
  nextStop(i: number): Promise<number | null> {
    return this.page.evaluate(async (want) => {
      const store = window.__quorumscopeStores![0];
      for (let k = 0; k < 100 && store.getState().currentStop !== want; k++) await store.getState().nextMark();
      return store.getState().currentStop;
    }, i);
  }

  /** The router's ring at the shown frame. */
  ring(): Promise<number[]> {
    return this.page.evaluate(() => (window.__quorumscopeStores![0].getState().view!.hub as { ring: number[] }).ring);
  }

  /** Open the lesson and walk every stop: the caption says each stop's sentence in `lang`. */
  async walk(lesson: LessonName, lang: 'en' | 'zh', atStop: (i: number) => Promise<void> = async () => {}): Promise<void> {
    await this.app.open({ scenario: lesson, lang, speed: 'max' });
    const sentences = lessonText(lesson, lang).stops;
    const stops = LESSON_META[lesson].stops;
    const caption = this.app.caption();
    for (let i = 0; i < stops.length; i++) {
      expect(await this.nextStop(i), `${lesson} ${lang}: stop ${i}`).toBe(i);
      await expect(caption).toHaveAttribute('data-source', 'stop');
      await expect(caption).toContainText(sentences[i]);
      expect(await this.app.timeMs()).toBeLessThanOrEqual(stops[i]);
      await atStop(i);
    }
  }

  lessonPanel(root: Page | Frame = this.page): Locator {
    return root.getByTestId('lesson-panel');
  }
}

/** An 800×450 iframe holding a ring lesson with embed=1; returns its frame once the ring's nodes are drawn. */
export async function openRingEmbed(page: Page, baseURL: string | undefined, params: string): Promise<Frame> {
  await page.setViewportSize({ width: 900, height: 560 });
  await page.setContent(`<body style="margin:0"><iframe title="Quorumscope" src="${baseURL}/?embed=1&${params}" width="800" height="450" style="border:0"></iframe>`);
  await expect(page.frameLocator('iframe').locator('[data-node]').first()).toBeVisible();
  return page.frames().find((f) => f !== page.mainFrame())!;
}

/**
 * Whether the embed scrolls; how many node labels leave the ring's drawing; how many text
 * elements of the lesson panel (if any) leave its box; whether the panel's content overflows.
 */
export function ringEmbedFit(frame: Frame): Promise<{ scrolls: boolean; cut: number; panelCut: number; panelOverflows: boolean }> {
  return frame.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const svg = box(document.querySelector('svg.ring-svg')!);
    const out = (r: DOMRect, b: DOMRect) => r.width > 0 && (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1);
    const labels = [...document.querySelectorAll('[data-node] text')].map(box);
    const panel = document.querySelector('[data-testid="lesson-panel"]');
    const se = document.scrollingElement!;
    let panelCut = 0;
    let panelOverflows = false;
    if (panel) {
      const pb = box(panel);
      panelCut = [...panel.querySelectorAll('text, p, li, th, td, figcaption')].map(box).filter((r) => out(r, pb)).length;
      // A chart's labels inside its own drawing (an SVG clips what leaves it).
      for (const chart of panel.querySelectorAll('svg[role="img"]')) {
        const cb = box(chart);
        panelCut += [...chart.querySelectorAll('text')].map(box).filter((r) => out(r, cb)).length;
      }
      panelOverflows = panel.scrollHeight > panel.clientHeight + 1 || panel.scrollWidth > panel.clientWidth + 1;
    }
    return {
      scrolls: se.scrollWidth > se.clientWidth || se.scrollHeight > se.clientHeight,
      cut: labels.filter((r) => out(r, svg)).length,
      panelCut,
      panelOverflows,
    };
  });
}
