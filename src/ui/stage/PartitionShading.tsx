/**
 * Each side of a partition shaded as its own region: a rounded hull around its nodes
 * (d3.polygonHull), drawn as a fat round-joined stroke so one or two nodes get a blob too.
 */
import { polygonHull } from 'd3';
import type { NetworkView } from '../../sim/api';
import { NODE_R, partitionSides, type Point } from './geometry';

const SIDE_COLORS = ['var(--partition-a)', 'var(--partition-b)'];

function hullPath(points: [number, number][]): string {
  const hull = points.length >= 3 ? (polygonHull(points) ?? points) : points;
  if (hull.length === 1) return `M${hull[0][0]},${hull[0][1]}Z`;
  return `M${hull.map((p) => p.join(',')).join('L')}Z`;
}

export function PartitionShading({ layout, net }: { layout: Map<number, Point>; net: NetworkView }) {
  const sides = partitionSides(net, layout.size);
  if (sides.length === 0) return null;
  return (
    <g className="partition" aria-hidden="true">
      {sides.map((side, i) => {
        const pts = side.map((id) => layout.get(id)).filter((p): p is Point => !!p).map((p) => [p.x, p.y] as [number, number]);
        if (pts.length === 0) return null;
        const color = SIDE_COLORS[i % 2];
        return (
          <path
            key={side.join(',')}
            d={hullPath(pts)}
            fill={color}
            stroke={color}
            strokeWidth={2 * (NODE_R + 30)}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        );
      })}
    </g>
  );
}
