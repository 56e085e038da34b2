/** Runs the headless CLI (`npm run --silent sim`) on a scenario file and returns its JSON: the ground truth the view is compared with. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChangeOutput } from '../../../src/core/hashring/checkers';

export async function runCli(file: string): Promise<{ changes: ChangeOutput[]; nodes: { id: number; alive: boolean; keys: number }[] }> {
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'sim', '--', file], { cwd: new URL('../../../', import.meta.url).pathname, maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}
