/**
 * Fault tools over the stage: a client request, a partition, heal. Heal disables itself
 * (nothing is left to heal), so it hands keyboard focus to Partition, its counterpart,
 * instead of letting it fall to <body>.
 */
import { useRef, useState } from 'react';
import { useApp, useT } from '../StoreContext';
import { PartitionMenu } from './PartitionMenu';

export function StageTools({ count }: { count: number }) {
  const t = useT();
  const request = useApp((s) => s.request);
  const heal = useApp((s) => s.heal);
  const ready = useApp((s) => s.view !== null && !s.view.violation);
  const broken = useApp((s) => !!s.view && (s.view.network.partition !== null || s.view.network.cuts.length > 0));
  const [partOpen, setPartOpen] = useState(false);
  const partButton = useRef<HTMLButtonElement>(null);
  const healButton = useRef<HTMLButtonElement>(null);
  const onHeal = async () => {
    await heal();
    const active = document.activeElement;
    if (active === healButton.current || active === document.body || active === null) partButton.current?.focus();
  };
  return (
    <div className="stage-tools" role="toolbar" aria-label={t.faultTools}>
      <button type="button" className="chip" disabled={!ready} onClick={() => void request()}>
        <span aria-hidden="true">✉</span> {t.sendRequest}
      </button>
      <div className="anchor">
        <button ref={partButton} type="button" className="chip" disabled={!ready} aria-expanded={partOpen} onClick={() => setPartOpen((o) => !o)}>
          <span aria-hidden="true">⟂</span> {t.partition}
        </button>
        {partOpen && <PartitionMenu count={count} onClose={() => setPartOpen(false)} />}
      </div>
      <button ref={healButton} type="button" className="chip" disabled={!ready || !broken} onClick={() => void onHeal()}>
        <span aria-hidden="true">⇄</span> {t.heal}
      </button>
    </div>
  );
}
