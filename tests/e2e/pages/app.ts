/**
 * Page object for Quorumscope: everything the e2e tests touch goes through the contract
 * of DESIGN.md ("What the page exposes") — data-node/data-role/data-alive, data-link,
 * named controls and data-testid="frame" — so the tests read like the user's story.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Scenario } from '../../../src/sim/scenario';

export function encodeScenario(s: unknown): string {
  return Buffer.from(JSON.stringify(s), 'utf8').toString('base64url');
}

/** The compressed form of a link's fragment (#z=): raw deflate of the JSON, base64url. */
export function packScenario(s: unknown): string {
  return deflateRawSync(Buffer.from(JSON.stringify(s), 'utf8')).toString('base64url');
}

/** The scenario an address carries (#z=, #s= or ?s=), decoded; null when it names none. */
export function scenarioInAddress(address: string): Scenario | null {
  const url = new URL(address);
  const hash = new URLSearchParams(url.hash.slice(1));
  const z = hash.get('z');
  if (z !== null) return JSON.parse(inflateRawSync(Buffer.from(z, 'base64url')).toString('utf8')) as Scenario;
  const s = hash.get('s') ?? url.searchParams.get('s');
  return s === null ? null : (JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Scenario);
}

export class AppPage {
  constructor(readonly page: Page) {}

  async open(params: Record<string, string | number> = {}): Promise<void> {
    const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    await this.page.goto(`/?${q}`);
    await expect(this.nodes().first()).toBeVisible();
  }

  async openScenario(s: Scenario | Record<string, unknown>, params: Record<string, string | number> = {}): Promise<void> {
    await this.open({ s: encodeScenario(s), ...params });
  }

  nodes(): Locator {
    return this.page.locator('[data-node]');
  }
  node(id: number): Locator {
    return this.page.locator(`[data-node="${id}"]`);
  }
  leaders(): Locator {
    return this.page.locator('[data-role="leader"]');
  }
  link(a: number, b: number): Locator {
    return this.page.locator(`[data-link="${Math.min(a, b)}-${Math.max(a, b)}"]`);
  }

  async role(id: number): Promise<string | null> {
    return this.node(id).getAttribute('data-role');
  }
  /** The term, read from the node's accessible name ("Node 3, leader, term 4"). */
  async term(id: number): Promise<number> {
    const label = (await this.node(id).getAttribute('aria-label')) ?? '';
    const m = /term (\d+)/.exec(label);
    if (!m) throw new Error(`no term in "${label}"`);
    return Number(m[1]);
  }
  async commitIndex(id: number): Promise<number> {
    return Number(await this.node(id).getAttribute('data-commit'));
  }

  /** The single live leader's id, once there is exactly one. */
  async waitForLeader(timeoutMs = 30_000, except = 0): Promise<number> {
    let id = 0;
    await expect
      .poll(
        async () => {
          const ids = await this.page.locator('[data-role="leader"][data-alive="true"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-node'))));
          id = ids.length === 1 && ids[0] !== except ? ids[0] : 0;
          return id;
        },
        { timeout: timeoutMs },
      )
      .toBeGreaterThan(0);
    return id;
  }

  async frame(): Promise<number> {
    return Number((await this.page.getByTestId('frame').textContent())?.replace(/\D/g, ''));
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }
  play(): Promise<void> {
    return this.button('Play').click();
  }
  pause(): Promise<void> {
    return this.button('Pause').click();
  }
  stepForward(): Promise<void> {
    return this.button('Step forward').click();
  }
  stepBack(): Promise<void> {
    return this.button('Step back').click();
  }
  async select(id: number): Promise<void> {
    await this.node(id).click();
  }
  async crash(id: number): Promise<void> {
    await this.select(id);
    await this.button('Crash').click();
    await expect(this.node(id)).toHaveAttribute('data-alive', 'false');
  }
  /** The stage's drawing, to tell whether what is shown changed. */
  stageMarkup(): Promise<string> {
    return this.page.locator('svg').first().innerHTML();
  }
  alerts(): Locator {
    return this.page.getByRole('alert');
  }
  /** The line under the cluster (the frame's explanation, a lesson's text, a violation). */
  caption(): Locator {
    return this.page.locator('.caption');
  }
  lessonSelect(): Locator {
    return this.page.locator('.lesson-select select');
  }
  /** Virtual time on screen, in ms (the readout says "t = 3.412 s"). */
  async timeMs(): Promise<number> {
    const text = (await this.page.locator('.tp-time').textContent()) ?? '';
    const m = /([\d.,]+)\s*s/.exec(text);
    if (!m) throw new Error(`no time in "${text}"`);
    return Math.round(Number(m[1].replace(/,/g, '')) * 1000);
  }
  /** The address bar's parameters. */
  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
  /** The inline scenario in the address bar (#z=, #s= or ?s=), decoded; null for a bundled one. */
  inlineScenario(): Scenario | null {
    return scenarioInAddress(this.page.url());
  }
  /** The address bar's fragment parameters (#z=…). */
  fragment(): URLSearchParams {
    return new URLSearchParams(new URL(this.page.url()).hash.slice(1));
  }
  /** Open an address with a fragment ("z=…" / "s=…"), waiting for the nodes. */
  async openWithFragment(params: Record<string, string | number>, fragment: string): Promise<void> {
    const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
    await this.page.goto(`/?${q}#${fragment}`);
    await expect(this.nodes().first()).toBeVisible();
  }
  /** The app's root element (it carries data-theme and data-large). */
  root(): Locator {
    return this.page.locator('.qs-app');
  }
  /** Click Share (named `name` in the current language) and read the link it shows (the same text it copied). */
  async share(name = 'Share'): Promise<string> {
    await this.button(name).click();
    const field = this.page.getByTestId('share-link');
    await expect(field).toHaveValue(/^http/);
    return field.inputValue();
  }
  /** The long-link warning in the Share popover. */
  shareWarning(): Locator {
    return this.page.getByTestId('share-long');
  }

  /**
   * Call a store action of the (first) app instance through the page's test hook
   * (window.__quorumscopeStores, see src/ui/StoreContext.tsx), for actions whose keys and
   * buttons belong to other areas (nextMark, prevMark, seek).
   */
  async storeAction(name: 'nextMark' | 'prevMark' | 'undo' | 'seek' | 'seekTime', ...args: number[]): Promise<void> {
    await this.page.evaluate(
      ([n, a]) => {
        const store = window.__quorumscopeStores?.[0];
        if (!store) throw new Error('no store hook');
        const fn = store.getState()[n as 'seek'] as (...x: number[]) => Promise<void>;
        void fn(...(a as number[]));
      },
      [name, args] as const,
    );
  }
  /** Where the (first) app is playing to after PageDown / next-mark: the mark's frame and virtual time (ms); null when not. */
  playTo(): Promise<{ frame: number; time: number } | null> {
    return this.page.evaluate(() => {
      const p = window.__quorumscopeStores?.[0]?.getState().playTo;
      return p ? { frame: p.frame, time: p.time } : null;
    });
  }
  /** The (first) app's shown frame's event: whether it is a decision (notable) and its virtual time; null at frame 0. */
  shownEvent(): Promise<{ notable: boolean; time: number } | null> {
    return this.page.evaluate(() => {
      const e = window.__quorumscopeStores?.[0]?.getState().view?.event;
      return e ? { notable: e.notable, time: e.time } : null;
    });
  }
  /** Whether `locator` has keyboard focus. */
  hasFocus(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }
  /** Whether the app is playing (its Pause button shows). */
  async isPlaying(): Promise<boolean> {
    return this.button('Pause').isVisible();
  }
  /** The fork notice (a polite status line) and its Undo button. */
  forkNotice(): Locator {
    return this.page.locator('.fork-notice');
  }
  undoButton(): Locator {
    return this.forkNotice().getByRole('button', { name: 'Undo', exact: true });
  }

  /** Messages in flight on the stage, optionally only those drawn as one glyph (data-glyph, e.g. "vote-granted"). */
  messages(glyph?: string): Locator {
    return this.page.locator(glyph ? `.messages [data-glyph="${glyph}"]` : '.messages [data-glyph]');
  }
  /** The sign the stage shows while paused. */
  pausedSign(): Locator {
    return this.page.getByTestId('paused');
  }
  /** The message inspector (opened by clicking a message in flight). */
  messageInspector(): Locator {
    return this.page.locator('.msg-inspector');
  }
  /** Rendered size in CSS px of the stage's node labels: font size in SVG units × the drawing's scale. */
  async stageLabelPx(frame: Page | import('@playwright/test').Frame = this.page): Promise<{ id: number; role: number; term: number; votes: number | null }> {
    return frame.evaluate(() => {
      const px = (sel: string) => {
        const el = document.querySelector<SVGTextElement>(sel);
        if (!el) return null;
        const scale = el.getScreenCTM()?.a ?? 1;
        return parseFloat(getComputedStyle(el).fontSize) * scale;
      };
      return { id: px('[data-node] .node-id')!, role: px('[data-node] .node-role')!, term: px('[data-node] .node-term')!, votes: px('[data-node] .node-votes') };
    });
  }

  speedSelect(): Locator {
    return this.page.locator('.tp-speed select');
  }
  /** What has keyboard focus: "body", or the focused element's tag and classes ("select", "div.qs-app …"). */
  focusedSelector(): Promise<string> {
    return this.page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || a === document.documentElement) return 'body';
      return [a.tagName.toLowerCase(), ...[...a.classList]].join('.');
    });
  }

  // ---- transport, timeline, panels (chrome) ----

  /** A frame number as the readout writes it ("12,000"; the same grouping in zh). */
  frameText(n: number): string {
    return n.toLocaleString('en-US');
  }
  /** The timeline's marks (one element per drawn mark; a merged one stands for data-count marks). */
  timelineMarks(kind?: string): Locator {
    return this.page.locator(kind ? `.timeline [data-mark="${kind}"]` : '.timeline [data-mark]');
  }
  /** The on-screen boxes of every drawn timeline mark. */
  markBoxes(): Promise<{ x: number; y: number; width: number; height: number; kind: string }[]> {
    return this.timelineMarks().evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, kind: e.getAttribute('data-mark') ?? '' };
      }),
    );
  }
  /** The title (tooltip) of a timeline mark. */
  async markTitle(mark: Locator): Promise<string> {
    return (await mark.locator('title').textContent()) ?? '';
  }
  async openTab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
  /** The event list's rows (each a button seeking to its frame). */
  eventRows(): Locator {
    return this.page.locator('.events > li');
  }
  /** The accessible name (aria-label or text) of the focused element, and its tag. */
  focused(): Promise<{ tag: string; name: string } | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      return { tag: el.tagName, name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() };
    });
  }
  /** Whether the focused element is inside `selector`. */
  focusInside(selector: string): Promise<boolean> {
    return this.page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
  }
}
