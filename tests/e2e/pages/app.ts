/**
 * Page object for Quorumscope: everything the e2e tests touch goes through the contract
 * of DESIGN.md ("What the page exposes") — data-node/data-role/data-alive, data-link,
 * named controls and data-testid="frame" — so the tests read like the user's story.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Scenario } from '../../../src/sim/scenario';

export function encodeScenario(s: unknown): string {
  return Buffer.from(JSON.stringify(s), 'utf8').toString('base64url');
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
  /** The inline scenario in the address bar (?s=), decoded; null for a bundled one. */
  inlineScenario(): Scenario | null {
    const s = this.params().get('s');
    return s === null ? null : (JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Scenario);
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
