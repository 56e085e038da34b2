/**
 * `npm run --silent fuzz -- --protocol P --seeds N [--bug NAME] [--start S] [--no-shrink] [--reorder] [--service S]`
 * (`--reorder`: links reorder in every seed; otherwise FIFO, with reordering sometimes;
 * `--service zookeeper`: the coordination layer on top, with clients driven by the fuzzer)
 * Runs seeds S..S+N-1 (S defaults to 1) with every checker on; prints
 * {protocol, seeds, violations, first}; `first` is the first failing scenario (shrunk),
 * ready to open in the app. Exit 1 if any seed violated an invariant, 2 on bad input.
 */
import { getProtocol, protocolNames } from '../core/registry';
import { getService, serviceNames } from '../core/coord/registry';
import { fuzzOne, fuzzReport, shrink, type FuzzOutcome } from '../sim/fuzz';
import { badInput, printJson } from './io';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) badInput(`--${name} needs a value`);
  return v;
};
const known = ['--protocol', '--seeds', '--bug', '--start', '--no-shrink', '--reorder', '--service'];
for (const a of args) if (a.startsWith('--') && !known.includes(a)) badInput(`unknown option ${a} (known: ${known.join(', ')})`);

const protocolName = opt('protocol') ?? badInput(`--protocol is required: one of ${protocolNames().join(', ')}`);
const protocol = getProtocol(protocolName) ?? badInput(`--protocol: expected one of ${protocolNames().join(', ')}, got "${protocolName}"`);
const seedsText = opt('seeds') ?? '100';
const seeds = Number(seedsText);
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 10_000_000) badInput(`--seeds: expected an integer from 1 to 10000000, got "${seedsText}"`);
const startText = opt('start') ?? '1';
const start = Number(startText);
if (!Number.isInteger(start) || start < 0 || start > 0xffffffff - seeds) badInput(`--start: expected a non-negative integer, got "${startText}"`);
const serviceName = opt('service');
const service = serviceName === undefined ? undefined : getService(serviceName);
if (serviceName !== undefined && (service === undefined || !service.protocols.includes(protocol.name))) {
  const fits = serviceNames().filter((n) => getService(n)!.protocols.includes(protocol.name));
  badInput(`--service: expected ${fits.length > 0 ? `one of ${fits.join(', ')}` : `no service on ${protocol.name}`}, got "${serviceName}"`);
}
const bug = opt('bug');
if (bug !== undefined && !protocol.bugs.includes(bug)) badInput(`--bug: expected one of ${protocol.bugs.join(', ')}, got "${bug}"`);

let failures = 0;
let first: FuzzOutcome | null = null;
let events = 0;
const t0 = process.hrtime.bigint();
for (let seed = start; seed < start + seeds; seed++) {
  const out = fuzzOne(seed, { protocol, bug, reorder: args.includes('--reorder'), service });
  events += out.events;
  if (out.violation) {
    failures++;
    first ??= out;
  }
}
const elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
const shrunk = first && !args.includes('--no-shrink') ? shrink(first.scenario, first.violation!.invariant) : null;
printJson({ ...fuzzReport(seeds, failures, first, shrunk), protocol: protocol.name, ...(service ? { service: service.name } : {}), bug: bug ?? null, reorder: args.includes('--reorder'), startSeed: start, events, elapsedMs: Math.round(elapsedMs) });
process.exitCode = failures > 0 ? 1 : 0;
