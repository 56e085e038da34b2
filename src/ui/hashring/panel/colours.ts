/**
 * A node's colour in the panel's charts: the project's one categorical palette (Okabe–Ito
 * plus three of Paul Tol's, src/ui/palette.ts) keyed by node id, as the ring's arcs are. Ten
 * colours for up to 24 nodes repeat, so every bar also carries the node's name.
 */
import { termColor, termTextColor } from '../../palette';

export function nodeColour(id: number): string {
  return termColor(id);
}

/** Text written on a node's colour. */
export function nodeTextColour(id: number): string {
  return termTextColor(id);
}
