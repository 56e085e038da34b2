/**
 * The partition tool: put each node on side A or B and apply, or isolate the selected
 * node in one click.
 */
import { useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { nodeRef } from '../i18n';
import { Popover } from '../shell/Popover';

export function PartitionMenu({ count, onClose }: { count: number; onClose: () => void }) {
  const t = useT();
  const partition = useApp((s) => s.partition);
  const selected = useApp((s) => s.selected);
  const current = useApp((s) => s.view?.network.partition ?? null);
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  // Start from the partition in force, else: the selected node (or the last one) alone on B.
  const [sideB, setSideB] = useState<Set<number>>(() => {
    if (current && current.length > 1) return new Set(current.slice(1).flat());
    return new Set([selected || count]);
  });
  const a = ids.filter((id) => !sideB.has(id));
  const b = ids.filter((id) => sideB.has(id));
  const flip = (id: number) => {
    const next = new Set(sideB);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSideB(next);
  };
  return (
    <Popover label={t.partitionTitle} onClose={onClose} className="partition-menu">
      <h2 className="popover-title">{t.partitionTitle}</h2>
      <p className="note">{t.partitionHelp}</p>
      <div className="side-grid">
        {ids.map((id) => (
          <button
            key={id}
            type="button"
            className={`side-btn ${sideB.has(id) ? 'side-b' : 'side-a'}`}
            aria-label={t.sideOf(nodeRef(id), sideB.has(id) ? t.sideB : t.sideA)}
            onClick={() => flip(id)}
          >
            {nodeRef(id)}
            <span aria-hidden="true">{sideB.has(id) ? t.sideB : t.sideA}</span>
          </button>
        ))}
      </div>
      <div className="btn-row">
        <button
          type="button"
          className="btn small primary"
          disabled={a.length === 0 || b.length === 0}
          onClick={() => {
            onClose();
            void partition([a, b]);
          }}
        >
          <span aria-hidden="true">⟂</span> {t.applyPartition}
        </button>
        {selected > 0 && (
          <button
            type="button"
            className="btn small"
            onClick={() => {
              onClose();
              void partition([[selected], ids.filter((id) => id !== selected)]);
            }}
          >
            {t.isolate(nodeRef(selected))}
          </button>
        )}
        <button type="button" className="btn small ghost" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Popover>
  );
}
