#!/usr/bin/env node
/**
 * `node scripts/screenshots.mjs [OUTDIR] [BASEURL]`: a screenshot of every bundled lesson at
 * 1280×720 and inside an 800×450 slide iframe (embed=1), in English and Chinese, to look at.
 * Needs a served build (e.g. `npx vite preview --port 4173`); defaults to http://127.0.0.1:4173.
 * Each lesson is shown at a frame some way in (after its first election), paused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const out = process.argv[2] || '/tmp/qs-shots';
const base = process.argv[3] || 'http://127.0.0.1:4173';
const executablePath = process.env.CHROMIUM_PATH || execFileSync('bash', ['scripts/ensure-chromium.sh'], { encoding: 'utf8' }).trim();
const lessons = readdirSync('public/scenarios').filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const FRAME = Number(process.env.FRAME || 300);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
for (const lang of ['en', 'zh']) {
  for (const name of lessons) {
    const full = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await full.goto(`${base}/?scenario=${name}&frame=${FRAME}&lang=${lang}`);
    await full.waitForSelector('[data-node]');
    await full.waitForTimeout(600);
    await full.screenshot({ path: `${out}/${name}-${lang}-1280.png` });
    await full.close();
    const slide = await browser.newPage({ viewport: { width: 840, height: 490 } });
    await slide.setContent(`<body style="margin:20px;background:#888"><iframe title="Quorumscope" src="${base}/?embed=1&scenario=${name}&frame=${FRAME}&lang=${lang}" width="800" height="450" style="border:0;display:block"></iframe></body>`);
    await slide.frameLocator('iframe').locator('[data-node]').first().waitFor();
    await slide.waitForTimeout(600);
    await slide.screenshot({ path: `${out}/${name}-${lang}-800.png` });
    await slide.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);
