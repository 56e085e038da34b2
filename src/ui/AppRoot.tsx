/**
 * One app instance: reads its URL parameters, creates its own store and its own
 * simulation worker, and opens the scenario. Several can sit on one page (slides).
 */
import { useEffect, useState } from 'react';
import { createAppStore } from '../store/appStore';
import { DEFAULT_SPEED } from '../store/types';
import { createWorkerClient } from '../worker/client';
import { App } from './App';
import { boot } from './boot';
import { StoreProvider } from './StoreContext';
import { useAutoplayWhenVisible, useHostApi } from './host/useEmbedHost';
import { parseUrlParams } from './url';
import { viewLeads } from './views/registry';

function prefers(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

export function AppRoot({ search, syncUrl = true }: { search: string; syncUrl?: boolean }) {
  const [params] = useState(() => parseUrlParams(search));
  const [store] = useState(() =>
    createAppStore({
      lang: params.lang ?? 'en',
      theme: params.theme ?? (prefers('(prefers-color-scheme: dark)') ? 'dark' : 'light'),
      embed: params.embed,
      speed: params.speed ?? DEFAULT_SPEED,
      reducedMotion: prefers('(prefers-reduced-motion: reduce)'),
      leads: viewLeads,
    }),
  );

  useEffect(() => {
    const client = createWorkerClient((message) => store.getState().addProblem({ code: 'simFailed', detail: message }));
    store.getState().connect(client.api);
    // An embed's autoplay waits until the embed is on screen (useAutoplayWhenVisible).
    void boot(store, params.embed ? { ...params, autoplay: false } : params);
    const mq = window.matchMedia?.('(prefers-reduced-motion: reduce)');
    const onMotion = () => store.setState({ reducedMotion: !!mq?.matches });
    mq?.addEventListener('change', onMotion);
    return () => {
      mq?.removeEventListener('change', onMotion);
      store.getState().disconnect();
      client.dispose();
    };
  }, [store, params]);

  useHostApi(store, true);
  useAutoplayWhenVisible(store, params.embed && params.autoplay);

  return (
    <StoreProvider store={store}>
      <App syncUrl={syncUrl} />
    </StoreProvider>
  );
}
