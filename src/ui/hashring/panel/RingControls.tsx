/**
 * The ring's settings as labelled native controls: scheme, virtual nodes, keys, replicas, the
 * load factor (bounded only), the failure detector and its timeout or φ threshold, the
 * heartbeat interval — each reloads the scenario with that one config field changed
 * (setConfigOption) — and `Add node` (the next id never used, up to 24). A number is taken on
 * Enter or when the field loses focus, only inside the range the protocol's config accepts;
 * outside it the field says what it accepts and nothing reloads.
 */
import { useId, useRef, useState } from 'react';
import { SCHEMES, type DetectorKind, type Scheme } from '../../../core/hashring/types';
import { fmtInt, nodeRef, type Lang } from '../../i18n';
import { ringPanelDict, type RingPanelDict } from './i18n';
import { FIELD_SPECS, fmtDec, parseField, type FieldSpec, type NumericField } from './model';

/** The settings the controls show (the scenario's effective config). */
export interface RingSettings {
  scheme: Scheme;
  vnodes: number;
  keys: number;
  replicas: number;
  loadFactor: number;
  detector: DetectorKind;
  timeoutMs: number;
  phiThreshold: number;
  heartbeatMs: number;
}

export const DETECTORS: readonly DetectorKind[] = ['timeout', 'phi'];

function rangeText(spec: FieldSpec, d: RingPanelDict, lang: Lang): string {
  const f = (v: number) => (spec.int ? fmtInt(v, lang) : fmtDec(v, v % 1 === 0 ? 0 : 2, lang));
  if (spec.minExclusive) return d.rangeAbove(f(spec.min), f(spec.max));
  return spec.int ? d.rangeInt(f(spec.min), f(spec.max)) : d.rangeNumber(f(spec.min), f(spec.max));
}

function NumberField({
  field,
  label,
  value,
  lang,
  disabled,
  onSet,
}: {
  field: NumericField;
  label: string;
  value: number;
  lang: Lang;
  disabled: boolean;
  onSet: (key: string, value: number, from: HTMLElement | null) => void;
}) {
  const d = ringPanelDict(lang);
  const spec = FIELD_SPECS[field];
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  // What the user is typing over which config value; shown only while that value stands (a
  // reload with another value drops it). The field is never remounted, so focus stays on it.
  const [typed, setTyped] = useState<{ text: string; over: number } | null>(null);
  const draft = typed && typed.over === value ? typed.text : null;
  const setDraft = (t: string | null) => setTyped(t === null ? null : { text: t, over: value });
  const text = draft ?? String(value);
  const parsed = draft === null ? value : parseField(spec, draft);
  const invalid = draft !== null && parsed === null;
  const commit = () => {
    if (draft === null) return;
    if (parsed === null) return;
    setDraft(null);
    if (parsed !== value) onSet(field, parsed, inputRef.current);
  };
  return (
    <div className={`ring-control${invalid ? ' invalid' : ''}`} data-control={field}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        className="ring-input"
        type="number"
        inputMode={spec.int ? 'numeric' : 'decimal'}
        min={spec.minExclusive ? undefined : spec.min}
        max={spec.max}
        step={spec.step}
        value={text}
        disabled={disabled}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-err` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            e.stopPropagation();
            setDraft(null);
          }
        }}
      />
      {invalid && (
        <span id={`${id}-err`} className="ring-error" role="alert">
          {rangeText(spec, d, lang)}
        </span>
      )}
    </div>
  );
}

export function RingControls({
  settings,
  lang,
  disabled = false,
  addId,
  onSet,
  onAdd,
}: {
  settings: RingSettings;
  lang: Lang;
  disabled?: boolean;
  /** The id `Add node` would add; null when every slot is used. */
  addId: number | null;
  /**
   * `from`: the number field used, so focus can return to it after the reload. Null from a
   * select: after a pick the app gives focus to its root on purpose (src/ui/host/focus.ts).
   */
  onSet: (key: string, value: unknown, from: HTMLElement | null) => void;
  onAdd: (id: number) => void;
}) {
  const d = ringPanelDict(lang);
  const id = useId();
  const s = settings;
  const num = (field: NumericField, label: string) => (
    <NumberField key={field} field={field} label={label} value={s[field]} lang={lang} disabled={disabled} onSet={onSet} />
  );
  return (
    <section className="ring-section ring-controls" data-section="controls" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="ring-fig-title">
        {d.controlsTitle}
      </h3>
      <div className="ring-control-grid">
        <div className="ring-control" data-control="scheme">
          <label htmlFor={`${id}-scheme`}>{d.scheme}</label>
          <select id={`${id}-scheme`} value={s.scheme} disabled={disabled} onChange={(e) => onSet('scheme', e.target.value, null)}>
            {SCHEMES.map((k) => (
              <option key={k} value={k}>
                {d.schemes[k]}
              </option>
            ))}
          </select>
        </div>
        {num('vnodes', d.vnodes)}
        {num('keys', d.keys)}
        {num('replicas', d.replicas)}
        {s.scheme === 'bounded' && num('loadFactor', d.loadFactor)}
        <div className="ring-control" data-control="detector">
          <label htmlFor={`${id}-detector`}>{d.detector}</label>
          <select id={`${id}-detector`} value={s.detector} disabled={disabled} onChange={(e) => onSet('detector', e.target.value, null)}>
            {DETECTORS.map((k) => (
              <option key={k} value={k}>
                {d.detectors[k]}
              </option>
            ))}
          </select>
        </div>
        {s.detector === 'timeout' ? num('timeoutMs', d.timeoutMs) : num('phiThreshold', d.phiThreshold)}
        {num('heartbeatMs', d.heartbeatMs)}
      </div>
      <div className="btn-row">
        <button type="button" className="btn" disabled={disabled || addId === null} onClick={() => addId !== null && onAdd(addId)} title={addId !== null ? d.addNode(nodeRef(addId)) : undefined}>
          <span aria-hidden="true">⊕</span> {d.addNodeButton}
        </button>
        <span className="note">{addId === null ? d.noFreeSlot(fmtInt(24, lang)) : d.controlsNote}</span>
      </div>
    </section>
  );
}
