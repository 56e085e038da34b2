/**
 * Look up a key: a named text field; Enter asks the simulator where the key lives
 * (query('lookup')) and selects it, so the stage highlights it and its replicas. The answer —
 * the key's murmur3 hash in hex and decimal, its position on the ring, its owner and replicas —
 * follows the ring: after a change it is asked again for the same key. Empty or over-long input
 * says so beside the field; nothing is asked then.
 */
import { useId, useState } from 'react';
import type { KeyLookup, Scheme } from '../../../core/hashring/types';
import { useApp } from '../../StoreContext';
import { fmtInt, nodeRef, type Lang } from '../../i18n';
import { nodeColour, nodeTextColour } from './colours';
import { ringPanelDict } from './i18n';
import { LOOKUP_MAX, checkLookup, fmtDec, hashHex, ringPosition } from './model';
import { useRingQuery } from './ringQuery';

export function LookupResult({ result, scheme, lang }: { result: KeyLookup; scheme: Scheme | null; lang: Lang }) {
  const d = ringPanelDict(lang);
  const pos = ringPosition(result.hash);
  const [owner, ...replicas] = result.owners;
  const chip = (id: number, rank: number) => (
    <span key={id} className="ring-chip" data-owner={id} data-rank={rank} style={{ background: nodeColour(id), color: nodeTextColour(id) }}>
      {nodeRef(id)}
    </span>
  );
  return (
    <dl className="fields ring-lookup-result" data-lookup-key={result.key} data-owners={result.owners.join(',')} data-hash={result.hash >>> 0}>
      <div className="field">
        <dt>{d.lookupHash}</dt>
        <dd>
          <code>{hashHex(result.hash)}</code> = <code>{String(result.hash >>> 0)}</code>
        </dd>
      </div>
      <div className="field">
        <dt>{d.lookupPosition}</dt>
        <dd>
          {d.positionValue(fmtDec(pos.degrees, 2, lang), fmtDec(pos.fraction, 4, lang))}
          {(scheme === 'jump' || scheme === 'rendezvous') && <span className="note"> {d.lookupNoRingPosition(d.schemesShort[scheme])}</span>}
        </dd>
      </div>
      <div className="field">
        <dt>{d.lookupOwner}</dt>
        <dd>{owner ? chip(owner, 0) : d.noOwner}</dd>
      </div>
      <div className="field">
        <dt>{d.lookupReplicas}</dt>
        <dd>{replicas.length ? replicas.map((id, i) => chip(id, i + 1)) : d.none}</dd>
      </div>
    </dl>
  );
}

export function KeyLookupBox({ scheme }: { scheme: Scheme | null }) {
  const lang = useApp((s) => s.lang);
  const selectKey = useApp((s) => s.selectKey);
  const d = ringPanelDict(lang);
  const id = useId();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [problem, setProblem] = useState<'empty' | 'tooLong' | null>(null);
  const answer = useRingQuery<KeyLookup>('lookup', asked === null ? undefined : { key: asked }, asked !== null);

  const submit = () => {
    const c = checkLookup(text);
    if (!c.ok) {
      setProblem(c.reason);
      setAsked(null);
      selectKey(null);
      return;
    }
    setProblem(null);
    setAsked(c.key);
    selectKey(c.key);
  };

  const message = problem === 'empty' ? d.lookupEmpty : problem === 'tooLong' ? d.lookupTooLong(fmtInt(LOOKUP_MAX, lang)) : null;
  const failed = asked !== null && !answer.loading && answer.data === null;
  return (
    <section className="ring-section ring-lookup" data-section="lookup">
      <h3 className="ring-fig-title">
        <label htmlFor={`${id}-key`}>{d.lookupTitle}</label>
      </h3>
      <input
        id={`${id}-key`}
        className="ring-input"
        type="text"
        value={text}
        spellCheck={false}
        autoComplete="off"
        placeholder="key-42"
        aria-describedby={`${id}-hint`}
        aria-invalid={problem !== null}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            submit();
          }
        }}
      />
      <p id={`${id}-hint`} className={message ? 'ring-error' : 'note'} role={message ? 'alert' : undefined}>
        {message ?? d.lookupHint}
      </p>
      {failed && (
        <p className="ring-error" role="alert">
          {d.lookupFailed}
        </p>
      )}
      {asked !== null && answer.data && answer.data.key === asked && <LookupResult result={answer.data} scheme={scheme} lang={lang} />}
    </section>
  );
}
