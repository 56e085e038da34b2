/**
 * Selection slice: which node is selected and which side-panel tab is open.
 */
import type { Core } from '../core';
import type { PanelTab } from '../types';

export interface SelectionSlice {
  /** The selected node's id; 0 when none is. */
  selected: number;
  tab: PanelTab;
  select(node: number): void;
  setTab(tab: PanelTab): void;
  /** A key the user looked up (the hash ring: its owners are highlighted); null when none. */
  selectedKey: string | null;
  selectKey(key: string | null): void;
}

export function selectionSlice({ set, get, scheduleSideRefresh }: Core): SelectionSlice {
  return {
    selected: 0,
    tab: 'log',
    select(node) {
      // Selecting never toggles off (a second click must not hide the Crash button); 0 deselects.
      const s = get();
      set({ selected: node, tab: node ? 'node' : s.tab === 'node' ? 'log' : s.tab });
    },
    setTab(tab) {
      set({ tab });
      if (tab === 'events') scheduleSideRefresh();
    },
    selectedKey: null,
    selectKey(key) {
      set({ selectedKey: key });
    },
  };
}
