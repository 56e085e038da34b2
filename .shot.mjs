import { chromium } from '@playwright/test';
const [,, url, out, w = '1280', h = '720', wait = '1500', script = ''] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
const errs = [];
page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
page.on('pageerror', (e) => errs.push(String(e)));
if (url.startsWith('embed:')) { await page.setContent(`<body style="margin:0;background:#888"><iframe title="q" src="${url.slice(6)}" width="800" height="450" style="border:0"></iframe>`); } else await page.goto(url);
await page.waitForTimeout(+wait);
if (script) { await page.evaluate(script); await page.waitForTimeout(1500); }
await page.screenshot({ path: out });
const info = await page.evaluate(() => {
  const c = document.querySelector('[data-testid=ring-keys]');
  return { canvas: c ? { moving: c.dataset.moving, version: c.dataset.version, w: c.width, h: c.height } : null,
    nodes: [...document.querySelectorAll('[data-node]')].map((n) => `${n.dataset.node}:${n.dataset.role}:${n.dataset.alive}:${n.dataset.keys}`).join(' '),
    caption: document.querySelector('[data-testid=caption]')?.textContent };
});
console.log(JSON.stringify(info), errs.slice(0, 5));
await browser.close();
