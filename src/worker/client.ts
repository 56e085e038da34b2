/**
 * How the UI reaches a simulation: a Web Worker wrapped by Comlink (the app), or the same
 * SimSession in-process (Vitest, Node). Both present the SimApi with promised results, so
 * the store cannot tell them apart.
 */
import * as Comlink from 'comlink';
import type { SimApi } from '../sim/api';

/** SimApi with every result promised: what Comlink.Remote<SimApi> offers. */
export type AsyncSimApi = {
  [K in keyof SimApi]: (...args: Parameters<SimApi[K]>) => Promise<ReturnType<SimApi[K]>>;
};

export interface SimClient {
  api: AsyncSimApi;
  /** Stop the worker (or drop the session). */
  dispose(): void;
}

/**
 * Start a simulation worker. `onFatal` hears about a worker that fails to load or throws
 * outside a call (Comlink would otherwise leave the UI waiting forever).
 */
export function createWorkerClient(onFatal?: (message: string) => void): SimClient {
  // Written as one expression on purpose: Vite only bundles the worker when it sees
  // `new Worker(new URL(..., import.meta.url))` literally (../shared/TOOLCHAIN.md).
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  if (onFatal) {
    worker.addEventListener('error', (e) => onFatal(e.message || 'the simulation worker failed to start'));
    worker.addEventListener('messageerror', () => onFatal('a message from the simulation worker could not be read'));
  }
  const remote: Comlink.Remote<SimApi> = Comlink.wrap<SimApi>(worker);
  return {
    api: remote,
    dispose() {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/**
 * The same API in-process, for Vitest and Node scripts. The session module is imported
 * lazily so the app's main bundle never contains the simulator.
 */
export async function createInProcessClient(): Promise<SimClient> {
  const { SimSession } = await import('../sim/session');
  const session: SimApi = new SimSession();
  // structuredClone mimics the worker boundary: the store never shares objects with the session.
  const call =
    <K extends keyof SimApi>(k: K) =>
    (...args: Parameters<SimApi[K]>): Promise<ReturnType<SimApi[K]>> => {
      try {
        const fn = session[k] as (...a: Parameters<SimApi[K]>) => ReturnType<SimApi[K]>;
        return Promise.resolve(structuredClone(fn.apply(session, args)));
      } catch (e) {
        return Promise.reject(e);
      }
    };
  const api: AsyncSimApi = {
    load: call('load'),
    view: call('view'),
    seek: call('seek'),
    advanceTo: call('advanceTo'),
    act: call('act'),
    events: call('events'),
    marks: call('marks'),
    scenario: call('scenario'),
    nextMarkFrame: call('nextMarkFrame'),
    prevMarkFrame: call('prevMarkFrame'),
    lastNotable: call('lastNotable'),
    query: call('query'),
    experiment: call('experiment'),
  };
  return { api, dispose() {} };
}
