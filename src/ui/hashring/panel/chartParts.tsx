/** Pieces every chart and table of the panel draws the same way. */
import type { ScaleLinear } from 'd3';

/** Horizontal grid lines with their values at the left edge. */
export function YTicks({ y, count, left, right, format }: { y: ScaleLinear<number, number>; count: number; left: number; right: number; format: (v: number) => string }) {
  return (
    <>
      {y.ticks(count).map((t) => (
        <g key={t} className="ring-tick">
          <line x1={left - 4} x2={right} y1={y(t)} y2={y(t)} />
          <text x={left - 6} y={y(t)} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}

/** A table's header row: [label, numeric (right-aligned)] per column. */
export function HeadRow({ cols }: { cols: readonly (readonly [string, boolean])[] }) {
  return (
    <thead>
      <tr>
        {cols.map(([label, num]) => (
          <th key={label} scope="col" className={num ? 'num' : undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
