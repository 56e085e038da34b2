/**
 * Page object for ZooKeeper's coordination layer on the ZAB view: the clients on the stage
 * (data-client, data-state, data-server, data-paused), the lock queue (data-lock, each
 * entry's data-node / data-client / data-holds / data-believes / data-watches), the znode
 * tree tab (data-testid="zk-tree", rows by data-path with data-owner, data-watches,
 * data-fired; server buttons with data-server / data-applied / data-lags) and the client
 * history tab (data-testid="zk-history", bars with data-op / data-client / data-ok / data-open).
 * A client's cut links (data-client-cut="c-n"; the client's data-cut / data-isolated), its
 * menu (data-testid="zk-client-menu", buttons by data-action) and a znode's stat card
 * (data-testid="zk-stat", lines by data-field).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { ZabPage } from './zab';

export class ZookeeperPage extends ZabPage {
  constructor(page: Page) {
    super(page);
  }

  /** Open a bundled scenario (zk-basic) and wait for its clients. */
  async openZk(scenario = 'zk-basic', params: Record<string, string | number> = {}): Promise<void> {
    await this.open({ scenario, ...params });
    await expect(this.clients().first()).toBeVisible();
  }

  /** Go to the last frame at or before `ms` of virtual time, and wait until the readout shows it. */
  async seekTo(ms: number): Promise<void> {
    await this.storeAction('seekTime', ms);
    await expect.poll(async () => this.timeMs(), { timeout: 30_000 }).toBeGreaterThan(ms - 200);
  }

  clients(): Locator {
    return this.page.locator('.zk-clients [data-client]');
  }
  client(c: number): Locator {
    return this.page.locator(`.zk-clients [data-client="${c}"]`);
  }
  async clientStates(): Promise<string[]> {
    return this.clients().evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''));
  }
  /** The line from client c to its server. */
  connection(c: number, server: number): Locator {
    return this.page.locator(`[data-conn="${c}-${server}"]`);
  }

  queue(path = '/lock'): Locator {
    return this.page.locator(`.zk-queue[data-lock="${path}"]`);
  }
  /** The queue's entries in order: [client, holds, believes, the node it watches]. */
  async queueEntries(path = '/lock'): Promise<[number, boolean, boolean, string][]> {
    return this.queue(path)
      .locator('[data-holds]')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-client')), e.getAttribute('data-holds') === 'true', e.getAttribute('data-believes') === 'true', e.getAttribute('data-watches') ?? ''] as [number, boolean, boolean, string]));
  }
  async queueNodes(path = '/lock'): Promise<string[]> {
    return this.queue(path)
      .locator('[data-holds]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-node') ?? ''));
  }

  tree(): Locator {
    return this.page.getByTestId('zk-tree');
  }
  treeRow(path: string): Locator {
    return this.tree().locator(`[data-path="${path}"]`);
  }
  async treePaths(): Promise<string[]> {
    return this.tree()
      .locator('[data-path]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
  }
  serverButton(id: number): Locator {
    return this.tree().locator(`button[data-server="${id}"]`);
  }

  history(): Locator {
    return this.page.getByTestId('zk-history');
  }
  bars(filter: { op?: string; client?: number } = {}): Locator {
    const sel = ['.zk-bar', filter.op ? `[data-op="${filter.op}"]` : '', filter.client ? `[data-client="${filter.client}"]` : ''].join('');
    return this.history().locator(sel);
  }

  /** The cut links drawn on the stage, as "client-server". */
  async clientCuts(): Promise<string[]> {
    return this.page.locator('[data-client-cut]').evaluateAll((els) => els.map((e) => e.getAttribute('data-client-cut') ?? ''));
  }
  /** Open client c's menu from the stage: a click on it, or Enter on it focused. */
  async openClientMenu(c: number, how: 'click' | 'key' = 'click'): Promise<Locator> {
    if (how === 'click') await this.client(c).click();
    else {
      await this.client(c).focus();
      await this.page.keyboard.press('Enter');
    }
    const menu = this.clientMenu();
    await expect(menu).toBeVisible();
    return menu;
  }
  clientMenu(): Locator {
    return this.page.getByTestId('zk-client-menu');
  }
  clientMenuButton(action: 'cut' | 'mend' | 'cut-one' | 'mend-one' | 'pause' | 'close'): Locator {
    return this.clientMenu().locator(`button[data-action="${action}"]`);
  }
  /** The stat card shown while a tree row is hovered or focused. */
  statCard(): Locator {
    return this.tree().getByTestId('zk-stat');
  }
  async statField(field: string): Promise<string> {
    return (await this.statCard().locator(`[data-field="${field}"] dd`).textContent()) ?? '';
  }
}
