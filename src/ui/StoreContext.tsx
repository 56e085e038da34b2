/**
 * Gives every component its own app instance's store (one per embed), and the hooks to
 * read it with selectors. Components select the smallest slice they need; derived arrays
 * go through useShallow so a new-but-equal array does not re-render.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/appStore';
import { dict, type Dict } from './i18n';

const StoreCtx = createContext<AppStore | null>(null);

/**
 * Every mounted instance's store, in mount order, on `window.__quorumscopeStores`: the
 * end-to-end tests (and a curious presenter in the console) drive actions through it,
 * e.g. `__quorumscopeStores[0].getState().nextMark()`. Read-only use of the public store.
 */
declare global {
  interface Window {
    __quorumscopeStores?: AppStore[];
  }
}

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  useEffect(() => {
    if (typeof window === 'undefined') return;
    const list = (window.__quorumscopeStores ??= []);
    list.push(store);
    return () => {
      const i = list.indexOf(store);
      if (i >= 0) list.splice(i, 1);
    };
  }, [store]);
  return <StoreCtx.Provider value={store}>{children}</StoreCtx.Provider>;
}

export function useAppStore(): AppStore {
  const store = useContext(StoreCtx);
  if (!store) throw new Error('useAppStore outside StoreProvider');
  return store;
}

/** Read one slice of the app state; re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** The dictionary of the current language. */
export function useT(): Dict {
  return dict(useApp((s) => s.lang));
}
