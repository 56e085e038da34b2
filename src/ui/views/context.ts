/** The shown protocol's view, for components deep in the tree (settings, live region). */
import { createContext, useContext } from 'react';
import type { ProtocolView } from './types';

export const ViewContext = createContext<ProtocolView | null>(null);

/** The current protocol's view, or null before a scenario is shown or when it has none. */
export function useProtocolView(): ProtocolView | null {
  return useContext(ViewContext);
}
