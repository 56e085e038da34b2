/**
 * Small inline icons for the controls (decorative: every button carries its own name).
 * Drawn rather than typed because ⏮ ⏭ ⧉ are missing from many fonts.
 */
const common = { width: '1em', height: '1em', viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function IconFirst() {
  return (
    <svg {...common}>
      <rect x="2" y="3" width="2" height="10" fill="currentColor" />
      <path d="M13 3 L5.5 8 L13 13 Z" fill="currentColor" />
    </svg>
  );
}
export function IconBack() {
  return (
    <svg {...common}>
      <path d="M11 3 L4 8 L11 13 Z" fill="currentColor" />
      <rect x="12" y="3" width="1.8" height="10" fill="currentColor" />
    </svg>
  );
}
export function IconPlay() {
  return (
    <svg {...common}>
      <path d="M4 2.5 L13.5 8 L4 13.5 Z" fill="currentColor" />
    </svg>
  );
}
export function IconPause() {
  return (
    <svg {...common}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.6" fill="currentColor" />
    </svg>
  );
}
export function IconForward() {
  return (
    <svg {...common}>
      <rect x="2.2" y="3" width="1.8" height="10" fill="currentColor" />
      <path d="M5 3 L12 8 L5 13 Z" fill="currentColor" />
    </svg>
  );
}
export function IconLast() {
  return (
    <svg {...common}>
      <path d="M3 3 L10.5 8 L3 13 Z" fill="currentColor" />
      <rect x="12" y="3" width="2" height="10" fill="currentColor" />
    </svg>
  );
}
/** An arrow pointing at a small flag (marks are the timeline's flags); `forward` mirrors it. */
function MarkArrow({ forward }: { forward: boolean }) {
  return (
    <svg {...common}>
      <g transform={forward ? 'translate(16,0) scale(-1,1)' : undefined}>
        <path d="M2.6 2 V14" stroke="currentColor" strokeWidth="1.4" />
        <path d="M2.6 2.5 H7.5 L6.3 4.5 L7.5 6.5 H2.6 Z" fill="currentColor" />
        <path d="M14.5 4.5 L8 9 L14.5 13.5 Z" fill="currentColor" />
      </g>
    </svg>
  );
}
export function IconPrevMark() {
  return <MarkArrow forward={false} />;
}
export function IconNextMark() {
  return <MarkArrow forward />;
}
/** The next decision: a forward arrow to a dot (a decision), over dashes (routine traffic). */
export function IconNextDecision() {
  return (
    <svg {...common}>
      <path d="M1.5 8 H3.5 M5 8 H7" stroke="currentColor" strokeWidth="1.6" />
      <path d="M7.5 4 L11.5 8 L7.5 12 Z" fill="currentColor" />
      <circle cx="13.5" cy="8" r="2" fill="currentColor" />
    </svg>
  );
}
/** Skip quiet stretches: two forward chevrons. */
export function IconSkipQuiet() {
  return (
    <svg {...common}>
      <path d="M2 3.5 L7.5 8 L2 12.5 Z M8 3.5 L13.5 8 L8 12.5 Z" fill="currentColor" />
    </svg>
  );
}
