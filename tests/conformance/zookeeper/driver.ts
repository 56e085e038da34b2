/**
 * Runs sequences against real servers through Driver.java (ZooKeeper 3.8's Java client,
 * one handle per client) and returns what it printed, as records. The driver is compiled
 * once (cached by content, see `compiled`); a batch of sequences runs in one driver JVM,
 * which we wait for (and kill, the process we spawned, if it overstays).
 */
import { spawn } from 'node:child_process';
import type { RawEvent, RawOutcome, RawRun } from './compare';
import type { Step } from './sequences';
import { compiled, zookeeperClasspath } from './java';
import { TICK_MS } from './servers';

/** One line of the driver's output. */
export type DriverLine =
  | { kind: 'result'; step: number; client: number; ok: true; result: unknown }
  | { kind: 'result'; step: number; client: number; ok: false; error: string; detail: string }
  | { kind: 'event'; step: number; client: number; type: string; path: string }
  | { kind: 'state'; step: number; client: number; state: string }
  /** `ms`: how long the step took, its flush included. */
  | { kind: 'end'; step: number; ms: number }
  | { kind: 'crash' | 'warning'; step: number; detail: string };

/** The driver's command line for one step (tab-separated; see Driver.java). */
export function commandLine(step: Step, serverOf: (client: number, asked: number | undefined) => number): string {
  const f = (...xs: (string | number)[]) => xs.map(String).join('\t');
  if (step.op === 'wait') return f('wait', step.ms);
  const c = step.client;
  switch (step.op) {
    case 'connect':
      return f('connect', c, serverOf(c, step.server), step.sessionTimeoutMs);
    case 'create':
      return f('create', c, step.path, step.data, (step.ephemeral ? 'e' : '') + (step.sequential ? 's' : '') || '-');
    case 'delete':
      return f('delete', c, step.path, step.version);
    case 'setData':
      return f('setData', c, step.path, step.data, step.version);
    case 'getData':
    case 'exists':
    case 'getChildren':
      return f(step.op, c, step.path, step.watch ? 1 : 0);
    case 'sync':
      return f('sync', c, step.path);
    case 'close':
      return f('close', c);
    case 'expire':
    case 'cut':
      return f(step.op, c);
    case 'reconnect':
      return f('reconnect', c, serverOf(c, step.server));
  }
}

export interface BatchItem {
  steps: readonly Step[];
  /** A node of its own the sequence runs under (made by the driver if missing). */
  chroot: string;
}

/** What one sequence of a batch printed; `problem` says why it is incomplete, if it is. */
export interface BatchResult {
  lines: DriverLine[];
  problem: string | null;
}

/**
 * Runs a batch of sequences in ONE driver JVM (a JVM and its ZooKeeper classes take about
 * a second to start; two dozen of them would be most of the suite's time), each under its
 * chroot with fresh clients, client c on server `serverOf(c, asked)` of `addresses`.
 */
export async function runReal(batch: readonly BatchItem[], addresses: string[], serverOf: (client: number, asked: number | undefined) => number): Promise<BatchResult[]> {
  const dir = compiled();
  for (const b of batch)
    for (const s of b.steps) {
      if ('data' in s && /[\t\n]/.test(s.data)) throw new Error('sequence data may not hold tabs or newlines');
    }
  const input = batch.map((b) => [`sequence\t${b.chroot}`, ...b.steps.map((s) => commandLine(s, serverOf))].join('\n')).join('\n') + '\n';
  const proc = spawn(
    'java',
    ['-Xmx96m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', `${dir}:${zookeeperClasspath()}`, 'Driver', String(TICK_MS), '-', addresses.join(',')],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  proc.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  proc.stdin.end(input);
  const code = await new Promise<number | null>((ok) => {
    const t = setTimeout(() => proc.kill('SIGKILL'), 100_000);
    proc.on('exit', (c) => {
      clearTimeout(t);
      ok(c);
    });
  });
  const results: BatchResult[] = batch.map(() => ({ lines: [], problem: null }));
  let cur = -1;
  for (const raw of out.split('\n')) {
    if (raw.trim() === '') continue;
    const l = JSON.parse(raw) as DriverLine | { kind: 'sequence'; chroot: string };
    if (l.kind === 'sequence') cur++;
    else if (cur >= 0 && cur < results.length) results[cur].lines.push(l);
  }
  const tail = `driver exit ${code}; its stderr ends:\n${err.slice(-3000)}`;
  results.forEach((r, i) => {
    const ends = r.lines.filter((l) => l.kind === 'end').length;
    const crash = r.lines.find((l) => l.kind === 'crash');
    if (crash && 'detail' in crash) r.problem = `driver crashed in step ${crash.step}: ${crash.detail}`;
    else if (ends !== batch[i].steps.length) r.problem = `driver finished ${ends} of ${batch[i].steps.length} steps; ${tail}`;
  });
  if (code !== 0) results.forEach((r) => (r.problem ??= tail));
  return results;
}

/** The driver's lines as the comparison reads them (compare.ts). */
export function realRun(steps: readonly Step[], lines: readonly DriverLine[]): RawRun {
  const outcomes: RawOutcome[] = steps.map(() => ({ ok: false, error: 'no result line' }));
  const events: RawEvent[][] = steps.map(() => []);
  const sessions = new Map<string, number>();
  for (const l of lines) {
    if (l.kind === 'result') {
      outcomes[l.step] = l.ok ? { ok: true, result: l.result } : { ok: false, error: l.error };
      if (l.ok && steps[l.step].op === 'connect') sessions.set((l.result as { session: string }).session, l.client);
    } else if (l.kind === 'event') {
      events[l.step].push({ client: l.client, type: l.type, path: l.path });
    }
  }
  return { outcomes, events, clientOfSession: (s) => sessions.get(s) ?? 0 };
}
