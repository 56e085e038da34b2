/**
 * Page object for the hash ring's side panel (the first side tab) and its inspector rows: the
 * load histogram (data-bar-node / data-keys per bar, CV and max/mean as data-stat), the
 * controls (found by their labels, as a user finds them), the key lookup (its answer carries
 * data-owners and data-hash), moved vs ideal per change (data-change-row), and the schemes
 * side by side (data-scheme rows, data-current on the one in use).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app';

/** A number as the panel prints it ("0.095", "10,000", "1.10"). */
function num(text: string | null): number {
  return Number((text ?? '').replace(/[^\d.-]/g, ''));
}

export class RingPanelPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** Back to the first side tab (the ring's panel) from the inspector. */
  async openPanelTab(): Promise<void> {
    await this.page.locator('.side-panel [role="tab"]').first().click();
    await expect(this.panel()).toBeVisible();
  }

  panel(): Locator {
    return this.page.locator('.ring-panel');
  }

  /** Wait until no query of the panel is on its way and the histogram is drawn. */
  async settled(): Promise<void> {
    await expect(this.panel()).toHaveAttribute('aria-busy', 'false');
    await expect(this.panel().locator('[data-chart="load"]')).toBeVisible();
  }

  async cv(): Promise<number> {
    return num(await this.panel().locator('[data-stat="cv"] strong').textContent());
  }
  async maxOverMean(): Promise<number> {
    return num(await this.panel().locator('[data-stat="max-over-mean"] strong').textContent());
  }

  /** Keys per node as the histogram draws them. */
  barKeys(): Promise<Record<number, number>> {
    return this.panel()
      .locator('[data-bar-node]')
      .evaluateAll((els) => Object.fromEntries(els.map((e) => [Number(e.getAttribute('data-bar-node')), Number(e.getAttribute('data-keys'))])));
  }

  control(label: string): Locator {
    return this.panel().getByLabel(label, { exact: true });
  }

  /** Type a value into a numeric control and press Enter (the scenario reloads with it). */
  async setNumber(label: string, value: number | string): Promise<void> {
    const field = this.control(label);
    await field.fill(String(value));
    await field.press('Enter');
  }

  async setScheme(value: 'ring' | 'jump' | 'rendezvous' | 'bounded'): Promise<void> {
    // As a user does: focus the select, then choose (selectOption alone leaves focus where it was).
    await this.control('Scheme').focus();
    await this.control('Scheme').selectOption(value);
  }

  lookupField(label = 'Look up a key'): Locator {
    return this.panel().getByLabel(label, { exact: true });
  }
  lookupResult(): Locator {
    return this.panel().locator('.ring-lookup-result');
  }
  async lookup(key: string, label?: string): Promise<void> {
    await this.lookupField(label).fill(key);
    await this.lookupField(label).press('Enter');
  }
  /** The looked-up key's owners, primary first. */
  async lookupOwners(): Promise<number[]> {
    const v = await this.lookupResult().getAttribute('data-owners');
    return (v ?? '').split(',').filter(Boolean).map(Number);
  }

  changeRows(): Locator {
    return this.panel().locator('[data-change-row]');
  }

  compareRow(scheme: string): Locator {
    return this.panel().locator(`[data-table="compare"] tr[data-scheme="${scheme}"]`);
  }
  /** One cell of the comparison as a number (cv, max-over-mean, moved, ideal). */
  async compareCell(scheme: string, cell: 'cv' | 'max-over-mean' | 'moved' | 'ideal'): Promise<number> {
    return num(await this.compareRow(scheme).locator(`[data-cell="${cell}"]`).textContent());
  }

  /** The store's selected key (what the stage highlights). */
  selectedKey(): Promise<string | null> {
    return this.page.evaluate(() => window.__quorumscopeStores?.[0]?.getState().selectedKey ?? null);
  }
}
