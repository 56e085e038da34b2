/**
 * `npm run --silent sim -- FILE.json`: run a scenario to `until` and print one JSON
 * document. Exit 0: no invariant violated; 1: a violation (the JSON says which);
 * 2: bad input (one line on stderr, nothing on stdout).
 */
import { readFileSync } from 'node:fs';
import { ScenarioError } from '../core/protocol';
import { cliReport, runHeadless } from '../sim/run';
import { SimulationHalted } from '../sim/simulation';
import { parseScenarioText } from '../sim/scenario';
import { badInput, printJson } from './io';

const file = process.argv[2];
if (!file || process.argv.length > 3) badInput('usage: npm run --silent sim -- FILE.json');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  badInput(`cannot read ${file}: ${(e as Error).message}`);
}
let parsed;
try {
  parsed = parseScenarioText(text);
} catch (e) {
  if (e instanceof ScenarioError) badInput(`${file}: ${e.message}`);
  throw e;
}
let result;
try {
  result = runHeadless(parsed);
} catch (e) {
  // Not a protocol violation: the scenario asked for a network that only floods.
  if (e instanceof SimulationHalted) badInput(`${file}: the run cannot go on: ${e.message}`);
  throw e;
}
printJson(cliReport(parsed, result));
process.exitCode = result.violation ? 1 : 0;
