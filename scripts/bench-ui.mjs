#!/usr/bin/env node
/**
 * `npm run bench:ui`: the frame rate of the page while a simulation plays, measured with a
 * requestAnimationFrame probe in headless Chromium (Debian's; see scripts/ensure-chromium.sh).
 * Builds the app, serves it with `vite preview` on 127.0.0.1:4174, prints JSON, stops.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4174;
const SECONDS = 4;
const executablePath = process.env.CHROMIUM_PATH || execFileSync('bash', ['scripts/ensure-chromium.sh'], { encoding: 'utf8' }).trim();
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

await waitForServer();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'] });
const results = [];
for (const speed of ['1', '10', 'max']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${PORT}/?scenario=raft-partition&autoplay=1&speed=${speed}`);
  await page.waitForTimeout(1000);
  const stamps = await page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        const ts = [];
        const t0 = performance.now();
        const tick = (t) => {
          ts.push(t);
          if (t - t0 < ms) requestAnimationFrame(tick);
          else resolve(ts);
        };
        requestAnimationFrame(tick);
      }),
    SECONDS * 1000,
  );
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
  const q = (p) => Math.round(gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] * 10) / 10;
  results.push({ speed, fps: Math.round((stamps.length / SECONDS) * 10) / 10, frameMsMedian: q(0.5), frameMsP99: q(0.99), frameMsMax: q(1), simFrameReached: Number(await page.getByTestId('frame').textContent()) });
  await page.close();
}
await browser.close();
stop();
process.stdout.write(JSON.stringify({ scenario: 'raft-partition', viewport: '1280x720', seconds: SECONDS, results }, null, 2) + '\n');
process.exit(0);
