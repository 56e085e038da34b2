/**
 * axe-core at its latest version, loaded straight into the page: @axe-core/playwright 4.14
 * needs Node 22, and the project runs on Node 20. Works in any frame (an embed's iframe too).
 */
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode { target: string[] }
interface AxeViolation { id: string; impact: string | null; nodes: AxeNode[] }

/** Serious or critical violations, as "rule: selector, selector" lines (empty when clean); `include`: only inside this selector. */
export async function seriousAxeViolations(target: Page | Frame, include?: string): Promise<string[]> {
  await target.addScriptTag({ path: AXE_PATH });
  const violations = (await target.evaluate(async ([tags, within]) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(within ? { include: [within] } : document, { runOnly: { type: 'tag', values: tags } });
    return r.violations;
  }, [TAGS, include ?? null] as const)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
