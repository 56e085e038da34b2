/**
 * Run a named experiment in the worker once the simulation is connected (SimApi.experiment,
 * through the store): undefined while it runs, null if it failed, else its result. The
 * worker computes; this only waits for the answer.
 */
import { useEffect, useState } from 'react';
import { useApp, useAppStore } from '../../StoreContext';

export function useExperiment<T>(name: string, arg?: unknown): T | null | undefined {
  const store = useAppStore();
  const connected = useApp((s) => s.view !== null);
  const [result, setResult] = useState<{ name: string; value: T | null } | undefined>(undefined);
  const key = JSON.stringify(arg ?? null);
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void store
      .getState()
      .experiment(name, key === 'null' ? undefined : JSON.parse(key))
      .then((v) => {
        if (live) setResult({ name, value: (v ?? null) as T | null });
      });
    return () => {
      live = false;
    };
  }, [store, connected, name, key]);
  return result?.name === name ? result.value : undefined;
}
