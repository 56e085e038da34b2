/**
 * The fault tools of the issue, through the UI: a client request, a one-way link cut and
 * its mend, a partition and the heal, and restarting a crashed node.
 */
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app';

test('Send request: the leader appends the value and the cluster commits it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  const leader = await app.waitForLeader();
  const commitBefore = await app.commitIndex(leader);
  await app.button(/Send request/).click();
  await app.play();
  await expect.poll(() => app.commitIndex(leader), { timeout: 30_000 }).toBeGreaterThan(commitBefore);
  for (let id = 1; id <= 5; id++) await expect.poll(() => app.commitIndex(id), { timeout: 30_000 }).toBeGreaterThan(commitBefore);
});

test('clicking a link cuts one direction, and Mend restores it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  await app.link(1, 2).click();
  await app.button('Cut n1 → n2').click();
  await expect(app.link(1, 2)).toHaveAttribute('data-cut', '1>2');
  await expect.poll(() => app.inlineScenario()).not.toBeNull();
  await app.link(1, 2).click();
  await app.button('Mend').click();
  await expect(app.link(1, 2)).not.toHaveAttribute('data-cut', /.+/);
});

test('isolating the leader elects another; Heal brings it back as a follower', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  const leader = await app.waitForLeader();
  const term = await app.term(leader);
  await app.select(leader);
  await app.button(/Partition/).click();
  await page.locator('.partition-menu').getByRole('button', { name: `Isolate n${leader}`, exact: true }).click();
  await expect(page.locator('[data-link]').first()).toBeVisible();
  await app.play();
  // The majority side elects a leader of a higher term.
  let other = 0;
  await expect
    .poll(
      async () => {
        for (let id = 1; id <= 5; id++) {
          if (id !== leader && (await app.role(id)) === 'leader' && (await app.term(id)) > term) other = id;
        }
        return other;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await app.pause();
  await app.button(/Heal/).click();
  await app.play();
  await expect.poll(() => app.role(leader), { timeout: 30_000 }).toBe('follower');
  expect(await app.term(leader)).toBeGreaterThan(term);
});

test('a crashed node restarts as a follower with its term kept', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  const leader = await app.waitForLeader();
  const follower = leader === 1 ? 2 : 1;
  const term = await app.term(follower);
  await app.crash(follower);
  await app.button('Restart').click();
  await expect(app.node(follower)).toHaveAttribute('data-alive', 'true');
  await expect(app.node(follower)).toHaveAttribute('data-role', 'follower');
  expect(await app.term(follower)).toBe(term);
});

test('keyboard only: focus a node, select it with Enter, crash it from the inspector', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ scenario: 'raft-election', frame: 200 });
  await app.node(2).focus();
  await expect(app.node(2)).toBeFocused();
  await page.keyboard.press('Enter');
  const crash = app.button('Crash');
  await expect(crash).toBeVisible();
  await crash.focus();
  await page.keyboard.press('Enter');
  await expect(app.node(2)).toHaveAttribute('data-alive', 'false');
});
