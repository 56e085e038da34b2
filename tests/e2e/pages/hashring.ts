/**
 * Page object for the hash ring's view: the members (data-node, data-role member | suspect |
 * down, data-alive, data-keys, data-declared-down), the keys' canvas (data-version: the ring
 * version drawn; data-moving: how many keys the last change animated), the ring's tools
 * (Add node, Remove) on the stage, the router's live region, and the CLI as ground truth.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ChangeOutput } from '../../../src/core/hashring/checkers';
import { AppPage, scenarioInAddress } from './app';

/** `npm run --silent sim` on a scenario: what the CLI says changed. */
export async function cliRun(scenario: unknown): Promise<{ changes: ChangeOutput[]; nodes: { id: number; alive: boolean; keys: number }[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'qs-ring-'));
  const file = join(dir, 'scenario.json');
  await writeFile(file, JSON.stringify(scenario));
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'sim', '--', file], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

export class RingPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  stage(): Locator {
    return this.page.locator('section.ring-stage');
  }
  keys(): Locator {
    return this.page.getByTestId('ring-keys');
  }
  /** The ring version the canvas has drawn (once its query came back). */
  async drawnVersion(): Promise<number> {
    return Number(await this.keys().getAttribute('data-version'));
  }
  async moving(): Promise<number> {
    return Number(await this.keys().getAttribute('data-moving'));
  }
  async keysOf(id: number): Promise<number> {
    return Number(await this.node(id).getAttribute('data-keys'));
  }
  /** Every drawn member's primary key count, by id. */
  async keyCounts(): Promise<Record<number, number>> {
    return this.page.locator('[data-node]').evaluateAll((els) => Object.fromEntries(els.map((e) => [Number(e.getAttribute('data-node')), Number(e.getAttribute('data-keys'))])));
  }
  /** The router's ring version at the shown frame. */
  async routerVersion(): Promise<number> {
    return Number(await this.page.getByTestId('router').getAttribute('data-version'));
  }
  /** Wait for the canvas to draw the router's current version. */
  async waitDrawn(): Promise<number> {
    const v = await this.routerVersion();
    await expect(this.keys()).toHaveAttribute('data-version', String(v));
    return v;
  }
  /** Show the frame at virtual time ms (recording as needed), through the store the app exposes for tests. */
  async seekTime(ms: number): Promise<void> {
    await this.page.evaluate((t) => window.__quorumscopeStores![0].getState().seekTime(t), ms);
  }
  stageButton(name: string | RegExp): Locator {
    return this.stage().getByRole('button', { name, exact: typeof name === 'string' });
  }
  /** The scenario the address carries (every user action recorded into its script). */
  addressScenario() {
    return scenarioInAddress(this.page.url());
  }
  announce(): Locator {
    return this.page.getByTestId('ring-announce');
  }
}
