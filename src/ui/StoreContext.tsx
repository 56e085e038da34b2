/**
 * Gives every component its own app instance's store (one per embed), and the hooks to
 * read it with selectors. Components select the smallest slice they need; derived arrays
 * go through useShallow so a new-but-equal array does not re-render.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/appStore';
import { dict, type Dict } from './i18n';

const StoreCtx = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
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
