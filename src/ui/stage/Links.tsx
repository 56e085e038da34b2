/**
 * Links between nodes: faint lines; a cut direction as red dashes on that direction's lane
 * with ✂ near the end where its messages die; links a partition separates as dotted.
 * Clicking a link opens its menu (cut / mend each direction). The same actions are
 * reachable by keyboard from the selected node's inspector, so links stay out of the Tab
 * order (36 of them for 9 nodes would bury the nodes).
 */
import type { NetworkView } from '../../sim/api';
import { useT } from '../StoreContext';
import { nodeRef, type Dict } from '../i18n';
import { lane, NODE_R, partitioned, type Point } from './geometry';

export interface LinkState {
  a: number;
  b: number;
  cutAB: boolean;
  cutBA: boolean;
  blocked: boolean;
}

export function linkStates(ids: number[], net: NetworkView): LinkState[] {
  const out: LinkState[] = [];
  for (const a of ids) {
    for (const b of ids) {
      if (a >= b) continue;
      out.push({
        a,
        b,
        cutAB: net.cuts.some(([f, t]) => f === a && t === b),
        cutBA: net.cuts.some(([f, t]) => f === b && t === a),
        blocked: partitioned(net, a, b),
      });
    }
  }
  return out;
}

export function linkStateText(l: LinkState, t: Dict): string {
  if (l.cutAB && l.cutBA) return t.linkCutBoth;
  if (l.cutAB) return t.linkCutOne(nodeRef(l.a), nodeRef(l.b));
  if (l.cutBA) return t.linkCutOne(nodeRef(l.b), nodeRef(l.a));
  if (l.blocked) return t.linkBlocked;
  return t.linkUp;
}

function CutMark({ from, to }: { from: Point; to: Point }) {
  const { start, end } = lane(from, to, NODE_R + 2, NODE_R + 2);
  const sx = start.x + (end.x - start.x) * 0.8;
  const sy = start.y + (end.y - start.y) * 0.8;
  return (
    <g className="cut">
      <line x1={start.x} y1={start.y} x2={end.x} y2={end.y} stroke="var(--bad)" strokeWidth={2.2} strokeDasharray="6 4" />
      <circle cx={sx} cy={sy} r={8} fill="var(--surface)" stroke="var(--bad)" strokeWidth={1.2} />
      <text x={sx} y={sy} className="cut-mark" textAnchor="middle" dominantBaseline="central" fill="var(--bad)">
        ✂
      </text>
    </g>
  );
}

export function Links({
  layout,
  links,
  active,
  onOpen,
}: {
  layout: Map<number, Point>;
  links: LinkState[];
  active: string | null;
  onOpen: (key: string) => void;
}) {
  const t = useT();
  return (
    <g className="links">
      {links.map((l) => {
        const pa = layout.get(l.a)!;
        const pb = layout.get(l.b)!;
        const key = `${l.a}-${l.b}`;
        const down = l.cutAB || l.cutBA || l.blocked;
        return (
          <g
            key={key}
            data-link={key}
            data-cut={l.cutAB && l.cutBA ? 'both' : l.cutAB ? `${l.a}>${l.b}` : l.cutBA ? `${l.b}>${l.a}` : undefined}
            className={`link ${active === key ? 'active' : ''} ${down ? 'down' : ''}`}
            role="button"
            tabIndex={-1}
            aria-label={t.linkName(nodeRef(l.a), nodeRef(l.b), linkStateText(l, t))}
            onClick={() => onOpen(key)}
          >
            <title>{t.linkName(nodeRef(l.a), nodeRef(l.b), linkStateText(l, t))}</title>
            <line className="link-hit" x1={pa.x} y1={pa.y} x2={pb.x} y2={pb.y} />
            <line
              className="link-line"
              x1={pa.x}
              y1={pa.y}
              x2={pb.x}
              y2={pb.y}
              strokeDasharray={l.blocked ? '2 5' : undefined}
            />
            {l.cutAB && <CutMark from={pa} to={pb} />}
            {l.cutBA && <CutMark from={pb} to={pa} />}
          </g>
        );
      })}
    </g>
  );
}
