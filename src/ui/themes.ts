/**
 * Light and dark themes as data, applied as CSS custom properties on each app root (so
 * two embeds on one page can differ) and unit-tested for text contrast ≥ 4.5:1.
 */
import type { Theme } from '../store/types';

export type { Theme };

export interface ThemeColors {
  bg: string;
  surface: string;
  surface2: string;
  border: string;
  text: string;
  muted: string;
  accent: string;
  accentText: string;
  focus: string;
  link: string;
  danger: string;
  good: string;
  bad: string;
  /** Node fills and strokes by role; text on the fills is `text`. */
  follower: string;
  followerStroke: string;
  candidate: string;
  candidateStroke: string;
  leader: string;
  leaderStroke: string;
  downFill: string;
  downStroke: string;
  /** Solid colours; the stage draws partition sides with low opacity. */
  partitionA: string;
  partitionB: string;
  highlight: string;
}

export const THEMES: Record<Theme, ThemeColors> = {
  light: {
    bg: '#F6F7F9',
    surface: '#FFFFFF',
    surface2: '#EEF0F3',
    border: '#C9CED6',
    text: '#1A1D23',
    muted: '#555C68',
    accent: '#1F5FBF',
    accentText: '#FFFFFF',
    focus: '#C2410C',
    link: '#B7BDC7',
    danger: '#B42318',
    good: '#1E7B34',
    bad: '#C0262D',
    follower: '#E3ECF7',
    followerStroke: '#4C6A92',
    candidate: '#FDE7C4',
    candidateStroke: '#B45309',
    leader: '#D5F0DD',
    leaderStroke: '#1E7B34',
    downFill: '#E4E4E4',
    downStroke: '#6B6B6B',
    partitionA: '#1F5FBF',
    partitionB: '#B45309',
    highlight: '#C2410C',
  },
  dark: {
    bg: '#14161A',
    surface: '#1D2026',
    surface2: '#272B33',
    border: '#3C424D',
    text: '#ECEEF2',
    muted: '#A9B0BC',
    accent: '#7FB0FF',
    accentText: '#0B1220',
    focus: '#FFB86B',
    link: '#4A515D',
    danger: '#FF8A80',
    good: '#6FD68A',
    bad: '#FF7B7B',
    follower: '#23344A',
    followerStroke: '#8FB3E0',
    candidate: '#4A3514',
    candidateStroke: '#F5B550',
    leader: '#1D4229',
    leaderStroke: '#6FD68A',
    downFill: '#2E2E2E',
    downStroke: '#9A9A9A',
    partitionA: '#7FB0FF',
    partitionB: '#F5B550',
    highlight: '#FFB86B',
  },
};

/** The theme as CSS custom properties (--bg, --text, ...). */
export function themeVars(theme: Theme): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(THEMES[theme])) {
    out[`--${k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`] = v;
  }
  return out;
}
