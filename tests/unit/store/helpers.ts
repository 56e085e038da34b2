/**
 * Shared set-up for the store's slice tests: a store on the real simulation, in-process
 * (the same SimApi the worker exposes), optionally answering like a worker (each call in
 * its own macrotask, in order), and small readers of the view.
 */
import { readFile } from 'node:fs/promises';
import { createAppStore, type AppOptions, type AppStore } from '../../../src/store/appStore';
import { createInProcessClient, type AsyncSimApi } from '../../../src/worker/client';

export const fetchLesson = async (name: string) => {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error('bad name');
  return JSON.parse(await readFile(new URL(`../../../public/scenarios/${name}.json`, import.meta.url), 'utf8'));
};

/** Each call answered in its own macrotask, in order, as the worker does. */
export function workerLike(api: AsyncSimApi): AsyncSimApi {
  let queue: Promise<unknown> = Promise.resolve();
  const out = {} as Record<string, unknown>;
  for (const k of Object.keys(api) as (keyof AsyncSimApi)[]) {
    out[k] = (...args: unknown[]) => {
      const run = queue.then(
        () => new Promise((resolve, reject) => setTimeout(() => (api[k] as (...a: unknown[]) => Promise<unknown>)(...args).then(resolve, reject), 0)),
      );
      queue = run.catch(() => undefined);
      return run;
    };
  }
  return out as AsyncSimApi;
}

export async function makeStore(opts: AppOptions & { worker?: boolean } = {}): Promise<AppStore> {
  const { worker, ...options } = opts;
  const store = createAppStore({ fetchLesson, ...options });
  const client = await createInProcessClient();
  store.getState().connect(worker ? workerLike(client.api) : client.api);
  return store;
}

export const macrotask = () => new Promise((r) => setTimeout(r, 0));

/** Let background refreshes (marks, events, the caption's decision) answer. */
export async function settle(n = 30): Promise<void> {
  for (let i = 0; i < n; i++) await macrotask();
}

/** Tick the store's clock (`dt` real ms per tick) until `done`, yielding to answers between ticks. */
export async function tickUntil(store: AppStore, done: () => boolean, maxTicks = 20_000, dt = 16): Promise<number> {
  let i = 0;
  for (; i < maxTicks && !done(); i++) {
    store.getState().tick(dt);
    await macrotask();
  }
  return i;
}

export interface NodeLike {
  id: number;
  role: string;
  term: number;
  votedFor: number;
  commitIndex: number;
  lastIndex: number;
}

export const nodes = (store: AppStore) => store.getState().view!.nodes as NodeLike[];
export const roles = (store: AppStore) => nodes(store).map((n) => n.role);
export const node = (store: AppStore, id: number) => nodes(store)[id - 1];
