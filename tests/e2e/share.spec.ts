/**
 * Links that always open (the scenario in the fragment, compressed: #z=), Share and its
 * long-link warning, theme and large type from the URL, and the header's lesson controls.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSONS } from '../../src/store/lessons';
import { AppPage, encodeScenario, packScenario, scenarioInAddress } from './pages/app';

/** Collects uncaught errors and console errors from the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return errors;
}

/** A script of `n` requests (about 40 bytes of JSON each): 1,000 make a 40 KB scenario. */
function requests(n: number, value: (i: number) => string = (i) => `x=${i}`) {
  return {
    protocol: 'raft',
    nodes: 5,
    seed: 7,
    until: 60_000,
    script: Array.from({ length: n }, (_, i) => ({ at: 400 + i * 25, do: 'request', value: value(i) })),
  };
}

/** Values that do not compress (a fixed xorshift stream), so the link stays long. */
function noise(i: number): string {
  let x = (i + 1) * 2654435761;
  let out = '';
  for (let k = 0; k < 24; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += ((x >>> 0) % 36).toString(36);
  }
  return out;
}

test('a 40 KB scenario opens from a fragment link at its frame, plain (#s=) or compressed (#z=)', async ({ page, baseURL }) => {
  const errors = watchErrors(page);
  const app = new AppPage(page);
  const big = requests(1000);
  expect(JSON.stringify(big).length).toBeGreaterThan(40_000);
  // What the fragment avoids: in the query, the server refuses the request line itself.
  const viaQuery = await page.request.get(`${baseURL}/?s=${encodeScenario(big)}`);
  expect(viaQuery.status()).toBe(431);

  await app.openWithFragment({ frame: 400 }, `s=${encodeScenario(big)}`);
  await expect(page.getByTestId('frame')).toHaveText('400');
  await expect(app.alerts()).toHaveCount(0);
  // The address bar now carries it compressed in the fragment, nothing of it in the query.
  await expect.poll(() => app.fragment().get('z')).not.toBeNull();
  expect(app.params().get('s')).toBeNull();
  expect(app.params().get('frame')).toBe('400');
  expect(app.inlineScenario()?.script).toHaveLength(1000);
  expect(page.url().length).toBeLessThan(8000);

  await app.openWithFragment({ frame: 650 }, `z=${packScenario(big)}`);
  await expect(page.getByTestId('frame')).toHaveText('650');
  await expect(app.alerts()).toHaveCount(0);
  expect(app.inlineScenario()?.script?.[999]).toMatchObject({ do: 'request', value: 'x=999' });
  expect(errors).toEqual([]);
});

test('a changed lesson round-trips through Share: the copied link opens the same screen', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8', frame: 20, lang: 'zh' });
  await app.select(4);
  await app.button('宕机').click();
  await expect(app.node(4)).toHaveAttribute('data-alive', 'false');
  const frame = await app.frame();
  const link = await app.share('分享');
  await expect(page.getByRole('dialog')).toContainText('链接已复制到剪贴板');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const url = new URL(link);
  expect(url.hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
  expect(url.searchParams.get('s')).toBeNull();
  expect(url.searchParams.get('lesson')).toBe('raft-figure8');
  expect(url.searchParams.get('lang')).toBe('zh');
  expect(url.searchParams.get('frame')).toBe(String(frame));
  expect(scenarioInAddress(link)?.script?.some((a) => a.do === 'crash' && a.node === 4)).toBe(true);
  // A short link: no warning.
  await expect(app.shareWarning()).toHaveCount(0);

  const other = await browser.newPage();
  const again = new AppPage(other);
  await other.goto(link);
  await expect(other.getByTestId('frame')).toHaveText(String(frame));
  await expect(again.node(4)).toHaveAttribute('data-alive', 'false');
  await expect(again.lessonSelect()).toHaveValue('raft-figure8');
  await expect(again.alerts()).toHaveCount(0);
  await other.close();
});

test('Share warns when the link would still be long, in both languages', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWithFragment({}, `z=${packScenario(requests(600, noise))}`);
  const link = await app.share();
  expect(link.length).toBeGreaterThan(8000);
  await expect(app.shareWarning()).toContainText(`${link.length.toLocaleString('en-US')} characters long`);
  await expect(app.shareWarning()).toContainText('8,000');
  // Escape closes the popover; in Chinese the warning is Chinese.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await app.button('分享').click();
  await expect(app.shareWarning()).toContainText('个字符');
  await expect(app.shareWarning()).toContainText('8,000');
});

test('?s= still opens, and the address then moves the scenario to the fragment', async ({ page }) => {
  const app = new AppPage(page);
  const small = { protocol: 'raft', nodes: 3, seed: 5, until: 5000, script: [{ at: 900, do: 'crash', node: 2 }] };
  await app.openScenario(small, { frame: 30 });
  await expect(app.nodes()).toHaveCount(3);
  await expect(page.getByTestId('frame')).toHaveText('30');
  await expect(app.alerts()).toHaveCount(0);
  await expect.poll(() => app.fragment().get('z')).not.toBeNull();
  expect(app.params().get('s')).toBeNull();
  expect(app.inlineScenario()).toMatchObject({ nodes: 3, seed: 5 });
  await page.reload();
  await expect(app.nodes()).toHaveCount(3);
  await expect(page.getByTestId('frame')).toHaveText('30');
});

test('theme= and large= from the URL set data-theme and data-large, and stay in the address', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', theme: 'dark', large: 1 });
  await expect(app.root()).toHaveAttribute('data-theme', 'dark');
  await expect(app.root()).toHaveAttribute('data-large', 'true');
  await expect(app.button('A+ Large type')).toHaveAttribute('aria-pressed', 'true');
  await app.stepForward();
  await expect.poll(() => app.params().get('frame')).toBe('1');
  expect(app.params().get('theme')).toBe('dark');
  expect(app.params().get('large')).toBe('1');
  // Turning large type off drops it from the address.
  await app.button('A+ Large type').click();
  await expect(app.root()).toHaveAttribute('data-large', 'false');
  await expect.poll(() => app.params().get('large')).toBeNull();

  await page.emulateMedia({ colorScheme: 'dark' });
  await app.open({ scenario: 'raft-election', theme: 'light' });
  await expect(app.root()).toHaveAttribute('data-theme', 'light');
  await expect(app.root()).toHaveAttribute('data-large', 'false');
  // Without theme=, the system's preference.
  await app.open({ scenario: 'raft-election' });
  await expect(app.root()).toHaveAttribute('data-theme', 'dark');
  await app.button('Light theme').click();
  await expect.poll(() => app.params().get('theme')).toBe('light');
});

test('bad theme= and large= values are named, and the lesson opens anyway', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure7', theme: 'pink', large: 'huge' });
  await expect(app.alerts()).toHaveCount(2);
  await expect(app.alerts().nth(0)).toContainText('theme= must be light or dark (got “pink”)');
  await expect(app.alerts().nth(1)).toContainText('large= must be 1 or 0 (got “huge”)');
  await expect(app.nodes()).toHaveCount(7);
  await expect(app.root()).toHaveAttribute('data-large', 'false');
});

test('a corrupted fragment shows what was wrong and the default lesson, never a blank page', async ({ page }) => {
  const errors = watchErrors(page);
  const app = new AppPage(page);
  const packed = packScenario(requests(200));
  const cases: [string, RegExp, string][] = [
    // A chat app cut the link: the end of the stream is missing.
    [`z=${packed.slice(0, packed.length >> 1)}`, /cut short/, 'zh:不完整'],
    // 0xff… opens a deflate block of the reserved type: damaged.
    ['z=__8AEjQ', /damaged and does not decompress/, 'zh:已损坏'],
    ['z=%%%', /compressed scenario \(#z=\) is not valid base64url/, 'zh:base64url'],
    [`z=${Buffer.from('{"protocol": "raft", "nodes": 5').toString('base64url')}`, /damaged|cut short|not to JSON/, 'zh:链接'],
    [`s=${Buffer.from('{nope').toString('base64url')}`, /not valid JSON/, 'zh:JSON'],
  ];
  for (const [fragment, en, zh] of cases) {
    await app.openWithFragment({ frame: 80, lesson: 'raft-figure8' }, fragment);
    await expect(app.alerts().first()).toContainText(en);
    await expect(app.alerts().first()).toContainText('Showing the default lesson instead.');
    await expect(app.nodes()).toHaveCount(5);
    await expect(app.lessonSelect()).toHaveValue('raft-election');
    // The default lesson from its start: the frame was the broken scenario's.
    await expect(page.getByTestId('frame')).toHaveText('0');
    await app.openWithFragment({ frame: 80, lang: 'zh' }, fragment);
    await expect(app.alerts().first()).toContainText(zh.slice(3));
    await expect(app.alerts().first()).toContainText('已改为显示默认课程。');
  }
  expect(errors).toEqual([]);
});

test('a link that differs only in its fragment opens what it says (the page does not reload)', async ({ page }) => {
  const app = new AppPage(page);
  await app.openWithFragment({}, `z=${packScenario({ protocol: 'raft', nodes: 3, seed: 2 })}`);
  await expect(app.nodes()).toHaveCount(3);
  await page.evaluate((z) => {
    window.location.hash = `z=${z}`;
  }, packScenario({ protocol: 'raft', nodes: 7, seed: 2 }));
  await expect(app.nodes()).toHaveCount(7);
  await expect.poll(() => app.inlineScenario()?.nodes).toBe(7);
});

test('speed= stays out of the address at the lesson’s own speed, and a link’s speed is kept', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', speed: 0.5, frame: 3 });
  await expect(page.locator('.tp-speed select')).toHaveValue('0.5');
  await app.stepForward();
  await expect.poll(() => app.params().get('frame')).toBe('4');
  expect(app.params().get('speed')).toBe('0.5');
  await page.locator('.tp-speed select').selectOption('0.02');
  await expect.poll(() => app.params().get('speed')).toBeNull();
});

test('Restart lesson starts the lesson shown again, which picking it in the selector cannot', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-figure8', frame: 20 });
  await app.crash(4);
  await expect.poll(() => app.inlineScenario()).not.toBeNull();
  await app.button('Restart lesson').click();
  await expect(page.getByTestId('frame')).toHaveText('0');
  await expect(app.node(4)).toHaveAttribute('data-alive', 'true');
  await expect.poll(() => app.params().get('scenario')).toBe('raft-figure8');
  expect(app.fragment().get('z')).toBeNull();
  await expect(app.lessonSelect()).toHaveValue('raft-figure8');
  // The selector offers every bundled lesson.
  const options = await app.lessonSelect().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toEqual([...LESSONS]);
});
