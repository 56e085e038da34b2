/**
 * Preferences slice: how the app looks and reads (language, theme, large type, reduced
 * motion). Plain settings; nothing here talks to the worker.
 */
import type { Core } from '../core';
import type { Lang, Theme } from '../types';

export interface PreferencesSlice {
  lang: Lang;
  theme: Theme;
  largeType: boolean;
  /** The user prefers no tweening: playback and steps jump from frame to frame. */
  reducedMotion: boolean;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  setLargeType(on: boolean): void;
  setReducedMotion(on: boolean): void;
}

export function preferencesSlice({ set, options }: Core): PreferencesSlice {
  return {
    lang: options.lang ?? 'en',
    theme: options.theme ?? 'light',
    largeType: options.largeType ?? false,
    reducedMotion: options.reducedMotion ?? false,
    setLang(lang) {
      set({ lang });
    },
    setTheme(theme) {
      set({ theme });
    },
    toggleTheme() {
      set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' }));
    },
    setLargeType(on) {
      set({ largeType: on });
    },
    setReducedMotion(on) {
      // A glide in progress ends at once: the view is already the new frame.
      set((s) => ({ reducedMotion: on, ...(on && s.glide ? { glide: null, playhead: s.view?.time ?? s.playhead } : {}) }));
    },
  };
}
