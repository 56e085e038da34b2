/**
 * The 800×450 embed as a slide holds it: the app in an iframe with embed=1, and whether it
 * fits (nothing scrolls, no node or client label cut off at the drawing's edges).
 */
import { expect, type Frame, type Page } from '@playwright/test';

/** An 800×450 iframe holding the app with embed=1 and the given parameters; returns its frame. */
export async function openEmbed(page: Page, baseURL: string | undefined, params: string): Promise<Frame> {
  await page.setViewportSize({ width: 900, height: 560 });
  await page.setContent(`<body style="margin:0"><iframe title="Quorumscope" src="${baseURL}/?embed=1&${params}" width="800" height="450" style="border:0"></iframe>`);
  await expect(page.frameLocator('iframe').locator('[data-node]').first()).toBeVisible();
  return page.frames().find((f) => f !== page.mainFrame())!;
}

/** Whether the embed scrolls, and how many node and client labels are cut off at the drawing's edges. */
export function embedFit(frame: Frame): Promise<{ scrolls: boolean; cut: number }> {
  return frame.evaluate(() => {
    const svg = document.querySelector('svg.stage-svg')!.getBoundingClientRect();
    const texts = [...document.querySelectorAll('[data-node] text, .client-label')].map((t) => t.getBoundingClientRect());
    const se = document.scrollingElement!;
    return {
      scrolls: se.scrollWidth > se.clientWidth || se.scrollHeight > se.clientHeight,
      cut: texts.filter((r) => r.left < svg.left - 1 || r.right > svg.right + 1 || r.top < svg.top - 1 || r.bottom > svg.bottom + 1).length,
    };
  });
}
