/**
 * A node's colour in the panel's charts: the stage's (src/ui/hashring/stage/ringGeometry.ts, the
 * project's one categorical palette keyed by node id), so a bar and its node's arc match. Ten
 * colours for up to 24 nodes repeat, so every bar also carries the node's name.
 */
import { termTextColor } from '../../palette';
import { nodeColor } from '../stage/ringGeometry';

export const nodeColour = nodeColor;

/** Text written on a node's colour. */
export function nodeTextColour(id: number): string {
  return termTextColor(id);
}
