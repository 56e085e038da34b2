/**
 * Page object for ZAB's view: the page contract of DESIGN.md with ZAB's role names
 * (looking / following / leading / down), data-epoch and data-zxid on each server, the vote
 * table and the zxid ledger (data-entry="NODE:INDEX", data-zxid) in the first side tab.
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app';

/** The epoch in a zxid printed as ZooKeeper prints it ("0x200000001" → 2). */
export function epochOfHex(zxid: string): number {
  return Number(BigInt(zxid) >> 32n);
}
/** The counter in a zxid ("0x200000001" → 1). */
export function counterOfHex(zxid: string): number {
  return Number(BigInt(zxid) & 0xffffffffn);
}

export class ZabPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** Servers in one ZAB state. */
  inRole(role: 'looking' | 'following' | 'leading' | 'down'): Locator {
    return this.page.locator(`[data-node][data-role="${role}"]`);
  }

  /** The single live LEADING server's id, once there is exactly one (and it is not `except`). */
  async waitForLeading(timeoutMs = 30_000, except = 0): Promise<number> {
    let id = 0;
    await expect
      .poll(
        async () => {
          const ids = await this.page.locator('[data-role="leading"][data-alive="true"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-node'))));
          id = ids.length === 1 && ids[0] !== except ? ids[0] : 0;
          return id;
        },
        { timeout: timeoutMs },
      )
      .toBeGreaterThan(0);
    return id;
  }

  /** Wait until every live server is in broadcast (the leader serving, its followers in sync). */
  async waitForBroadcast(timeoutMs = 30_000): Promise<void> {
    await expect
      .poll(
        async () =>
          this.page.locator('[data-node][data-alive="true"]').evaluateAll((els) => els.length > 0 && els.every((e) => e.getAttribute('data-phase') === 'broadcast')),
        { timeout: timeoutMs },
      )
      .toBe(true);
  }

  async epoch(id: number): Promise<number> {
    return Number(await this.node(id).getAttribute('data-epoch'));
  }
  /** The server's last zxid, as the page prints it ("0x200000001"). */
  async zxid(id: number): Promise<string> {
    return (await this.node(id).getAttribute('data-zxid')) ?? '';
  }

  /** Run at the fastest speed until `cond` holds (then pause). */
  async playUntil(cond: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    await this.speedSelect().selectOption('max');
    if (!(await this.isPlaying())) await this.play();
    await expect.poll(cond, { timeout: timeoutMs }).toBe(true);
    // The run may have reached its end and stopped by itself meanwhile.
    await this.button('Pause')
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }

  /**
   * Every data-glyph drawn on the stage at frames [from, to], walking them in the page (seek,
   * then two animation frames), with how each is drawn (its shapes and label, without the
   * hover title and hit area) and its hover title.
   */
  glyphsSeen(from: number, to: number): Promise<{ glyph: string; drawn: string; title: string }[]> {
    return this.page.evaluate(
      async ([a, b]) => {
        const store = window.__quorumscopeStores?.[0];
        if (!store) throw new Error('no store hook');
        const seen = new Map<string, { glyph: string; drawn: string; title: string }>();
        for (let f = a; f <= b; f++) {
          await store.getState().seek(f);
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          for (const el of document.querySelectorAll('.messages [data-glyph]')) {
            const glyph = el.getAttribute('data-glyph') ?? '';
            if (seen.has(glyph)) continue;
            const drawn = [...el.children]
              .filter((c) => c.tagName !== 'title' && !c.classList.contains('msg-hit') && !c.classList.contains('msg-ring'))
              .map((c) => c.outerHTML.replace(/fill="#[0-9A-Fa-f]+"/g, 'fill="ERA"'))
              .join('');
            seen.set(glyph, { glyph, drawn, title: el.querySelector('title')?.textContent ?? '' });
          }
        }
        return [...seen.values()];
      },
      [from, to] as const,
    );
  }

  // ---- the vote table and the zxid ledger (the first side tab) ----

  async openVotesTab(name: string | RegExp = 'Votes & zxids'): Promise<void> {
    await this.openTab(name);
    await expect(this.voteTable()).toBeVisible();
  }
  voteTable(scope: Page | Frame = this.page): Locator {
    return scope.getByTestId('vote-table');
  }
  voteRow(id: number): Locator {
    return this.voteTable().locator(`tr[data-node-row="${id}"]`);
  }
  /** The comparison the current frame's notification decided, as the table shows it ('' when none). */
  async decision(): Promise<string> {
    const cells = this.voteTable().getByTestId('vote-decision');
    return (await cells.count()) ? ((await cells.allTextContents()).join(' | ')) : '';
  }
  /** The vote table as text, row by row (what a reader sees). */
  async voteTableText(): Promise<string[]> {
    return this.voteTable().locator('tbody tr').allInnerTexts();
  }
  ledger(): Locator {
    return this.page.getByTestId('zxid-ledger');
  }
  /** The zxids of one server's history as the ledger shows them, in order. */
  async ledgerZxids(id: number): Promise<string[]> {
    return this.ledger()
      .locator(`[data-entry^="${id}:"]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-zxid') ?? ''));
  }
}
