/**
 * The client history's linearization (?scenario=zk-basic, the Clients tab): at the run's end
 * the header says "linearizable" with the ops checked and the time, each checked op has its
 * point on its bar (with a title) and the points of /config are joined by a line; before the
 * end the verdict waits for "Check linearizability"; the same in Chinese; axe-core clean.
 */
import { expect, test } from '@playwright/test';
import { ZookeeperPage } from './pages/zookeeper';
import { seriousAxeViolations } from './support/axe';

const TAB = { en: 'Clients', zh: '客户端' } as const;

test('at the end of the run: linearizable, every checked op marked, the order joined by a line', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(18_000);
  await app.openTab(TAB.en);
  const status = app.history().getByRole('status');
  await expect(status).toHaveAttribute('data-verdict', 'passed', { timeout: 30_000 });
  await expect(status).toContainText(/^Linearizable · 6 of 16 operations checked/);
  await expect(status).toContainText(/\d ms/);
  await expect(status).toContainText('End of the run.');
  // No button once the verdict is shown.
  await expect(app.history().getByRole('button', { name: 'Check linearizability' })).toHaveCount(0);
  const marks = app.history().locator('.zk-lin-mark');
  await expect(marks).toHaveCount(6);
  expect(await marks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))).sort())).toEqual([0, 1, 2, 3, 4, 5]);
  await expect(marks.first().locator('title')).toHaveText(/c1 create \/config: step 1 of the order on \/config, about 1\.500 s/);
  await expect(app.history().locator('.zk-lin-line')).toHaveCount(1);
  await expect(app.history().locator('.zk-lin-line')).toHaveAttribute('data-partition', '/config');
  await expect(app.history().locator('.zk-bar.culprit')).toHaveCount(0);
  // The list says where each checked op sits.
  await expect(app.history().getByRole('list')).toContainText('client 1: setData /config, 2.100 s → 2.210 s, error: BadVersion — linearized 5 on /config');
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test('before the end the verdict waits to be asked for', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new ZookeeperPage(page);
  await app.openZk();
  await app.seekTo(3_000);
  await app.openTab(TAB.en);
  const status = app.history().getByRole('status');
  const button = app.history().getByRole('button', { name: 'Check linearizability' });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await expect(status).toHaveAttribute('data-verdict', '');
  // The marks are there already (the check runs in the worker at each change of the history).
  await expect(app.history().locator('.zk-lin-mark')).toHaveCount(5);
  await button.click();
  await expect(status).toHaveAttribute('data-verdict', 'passed');
  await expect(status).toContainText(/History up to 3\.000 s|History up to 2\.\d{3} s/);
});

test('in Chinese: 线性一致', async ({ page }) => {
  test.setTimeout(90_000);
  const app = new ZookeeperPage(page);
  await app.openZk('zk-basic', { lang: 'zh' });
  await app.seekTo(18_000);
  await app.openTab(TAB.zh);
  const status = app.history().getByRole('status');
  await expect(status).toHaveAttribute('data-verdict', 'passed', { timeout: 30_000 });
  await expect(status).toContainText('线性一致');
  await expect(status).toContainText('运行结束');
  await expect(app.history().locator('.zk-lin-mark')).toHaveCount(6);
  await expect(app.history().locator('.zk-lin-mark').first().locator('title')).toContainText('/config 上顺序的第 1 步');
  expect(await seriousAxeViolations(page)).toEqual([]);
});
