/**
 * Experiments: measurements made by running many short simulations headless (a lesson's plot
 * of detection time against heartbeat interval, say), so a chart shows what the simulator
 * measures rather than a formula. Each is deterministic: the same argument gives the same
 * result, in Node and in the worker. Reached through SimApi.experiment; add one line here.
 */
export type Experiment = (arg: unknown) => unknown;

export const EXPERIMENTS: Readonly<Record<string, Experiment>> = {};

/** Run experiment `name` (null for an unknown name). Throws only for a bad argument, naming it. */
export function runExperiment(name: string, arg: unknown): unknown {
  const e = Object.hasOwn(EXPERIMENTS, name) ? EXPERIMENTS[name] : undefined;
  return e === undefined ? null : e(arg);
}
