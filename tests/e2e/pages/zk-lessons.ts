/**
 * Page object for ZooKeeper's coordination-layer lessons (src/ui/coord/zookeeper/lessons): a
 * lesson opened at full speed, its stops walked with next mark (the caption shows each stop's
 * sentence), and what the ZooKeeper views show there — clients, the lock queue, the Znodes tab
 * (ZookeeperPage) — plus the service state of the shown frame read from the store, and the
 * 800×450 embed's fit with the clients and the lock queue counted in.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { ZookeeperPage } from './zookeeper';
import { LESSON_META, type LessonName } from '../../../src/store/lessons';
import { lessonText } from '../../../src/ui/lessons';

/** The Znodes and Clients tabs' names, per language (as the ZooKeeper dictionary has them). */
export const ZK_TABS = { en: { tree: 'Znodes', history: 'Clients' }, zh: { tree: 'znode 树', history: '客户端' } } as const;

export class ZkLessonPage extends ZookeeperPage {
  constructor(page: Page) {
    super(page);
  }

  /** Next mark until the store is at stop `i` (at speed max each next mark lands at once). */
  nextStop(i: number): Promise<number | null> {
    return this.page.evaluate(async (want) => {
      const store = window.__quorumscopeStores![0];
      for (let k = 0; k < 100 && store.getState().currentStop !== want; k++) await store.getState().nextMark();
      return store.getState().currentStop;
    }, i);
  }

  /** Open the lesson at full speed, in `lang`, and wait for its clients. */
  async openLesson(lesson: LessonName, lang: 'en' | 'zh'): Promise<void> {
    await this.openZk(lesson, { lang, speed: 'max' });
  }

  /**
   * Open the lesson and walk every stop with next mark: at each, the caption is the stop's
   * sentence in `lang` and the time is at or before the stop; then `atStop(i)` checks the view.
   */
  async walk(lesson: LessonName, lang: 'en' | 'zh', atStop: (i: number) => Promise<void> = async () => {}): Promise<void> {
    await this.openLesson(lesson, lang);
    const sentences = lessonText(lesson, lang).stops;
    const stops = LESSON_META[lesson].stops;
    expect(sentences).toHaveLength(stops.length);
    const caption = this.caption();
    for (let i = 0; i < stops.length; i++) {
      expect(await this.nextStop(i), `${lesson} ${lang}: stop ${i}`).toBe(i);
      await expect(caption).toHaveAttribute('data-source', 'stop');
      await expect(caption).toContainText(sentences[i]);
      expect(await this.timeMs()).toBeLessThanOrEqual(stops[i]);
      await atStop(i);
    }
  }

  /** The notifications delivered so far, as the shown frame carries them: [client, type, path]. */
  events(): Promise<[number, string, string][]> {
    return this.page.evaluate(() => {
      const s = window.__quorumscopeStores![0].getState().view!.service;
      return ((s?.events ?? []) as { client: number; type: string; path: string }[]).map((e) => [e.client, e.type, e.path] as [number, string, string]);
    });
  }
}

/**
 * Whether the 800×450 embed (openEmbed) of a ZooKeeper lesson fits: nothing scrolls, and how
 * many of the servers, clients, lock entries and the caption leave the viewport.
 */
export function zkEmbedFit(frame: Frame): Promise<{ scrolls: boolean; cut: number; clients: number }> {
  return frame.evaluate(() => {
    const se = document.scrollingElement!;
    const sel = '[data-node], .node-role, .zk-client, .zk-client-state, .zk-entry, .zk-queue-title, .caption';
    const W = window.innerWidth;
    const H = window.innerHeight;
    const cut = [...document.querySelectorAll(sel)]
      .map((n) => n.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)).length;
    return { scrolls: se.scrollWidth > se.clientWidth || se.scrollHeight > se.clientHeight, cut, clients: document.querySelectorAll('.zk-clients [data-client]').length };
  });
}
