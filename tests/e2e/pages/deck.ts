/**
 * Page object for the example reveal.js deck (examples/deck/): its slides, each slide's
 * embed (an iframe of the app), the deck's own controls and what it heard back from the
 * embed over the host API (data attributes on its readouts).
 */
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

export class DeckPage {
  constructor(readonly page: Page) {}

  /** Open the deck (optionally at another origin, with the app at `app`) and wait for slide 1's `ready`. */
  async open(params: Record<string, string> = {}, origin = ''): Promise<void> {
    const q = new URLSearchParams(params);
    await this.page.goto(`${origin}/examples/deck/${q.size ? `?${q}` : ''}`);
    await expect(this.ready(0)).toHaveAttribute('data-protocol', 'raft');
  }

  slide(i: number): Locator {
    return this.page.locator('.reveal .slides > section').nth(i);
  }
  /** The embed on slide i, to look inside it. */
  embed(i: number): FrameLocator {
    return this.slide(i).frameLocator('iframe');
  }
  /** The frame number the embed shows (its own readout, data-testid="frame"). */
  async embedFrame(i: number): Promise<number> {
    return Number((await this.embed(i).getByTestId('frame').textContent())?.replace(/\D/g, ''));
  }
  /** The virtual time the embed shows, in ms (its readout says "t = 3.412 s"). */
  async embedTimeMs(i: number): Promise<number> {
    const text = (await this.embed(i).locator('.tp-time').textContent()) ?? '';
    const m = /([\d.,]+)\s*s/.exec(text);
    if (!m) throw new Error(`no time in "${text}"`);
    return Math.round(Number(m[1].replace(/,/g, '')) * 1000);
  }
  button(i: number, name: string | RegExp): Locator {
    return this.slide(i).getByRole('button', { name });
  }
  ready(i: number): Locator {
    return this.slide(i).getByTestId('deck-ready');
  }
  /** The deck's readout of the last `frame` message (data-frame, data-time, data-playing). */
  heard(i: number): Locator {
    return this.slide(i).getByTestId('deck-frame');
  }
  async heardFrame(i: number): Promise<number> {
    return Number((await this.heard(i).getAttribute('data-frame')) ?? NaN);
  }
  error(i: number): Locator {
    return this.slide(i).getByTestId('deck-error');
  }
  async seek(i: number, frame: number | string): Promise<void> {
    await this.slide(i).locator('.deck-seek-input').fill(String(frame));
    await this.button(i, 'Seek').click();
  }
  /** reveal.js's current horizontal slide index. */
  currentSlide(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { deck: { getIndices(): { h: number } } }).deck.getIndices().h);
  }
  /** Give the embed on slide i the keyboard, as a presenter would: click inside it (on the stage's background). */
  async focusEmbed(i: number): Promise<void> {
    await this.embed(i).locator('.stage').click({ position: { x: 30, y: 30 } });
  }
  /**
   * Post a raw message to slide i's embed from the deck's window (its parent) and collect
   * what the embed answers within `ms`.
   */
  postAndCollect(i: number, message: unknown, ms = 1500): Promise<unknown[]> {
    return this.page.evaluate(
      ({ i, message, ms }) =>
        new Promise<unknown[]>((resolve) => {
          const iframe = document.querySelectorAll<HTMLIFrameElement>('.reveal .slides > section iframe')[i];
          const got: unknown[] = [];
          const on = (e: MessageEvent) => {
            if (e.source === iframe.contentWindow) got.push(e.data);
          };
          window.addEventListener('message', on);
          iframe.contentWindow!.postMessage(message, '*');
          setTimeout(() => {
            window.removeEventListener('message', on);
            resolve(got);
          }, ms);
        }),
      { i, message, ms },
    );
  }
}
