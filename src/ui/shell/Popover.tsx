/**
 * A small non-modal dialog anchored by CSS: closes on Escape or a click outside, and puts
 * focus back on the button that opened it. While open it holds the keyboard focus: Tab and
 * Shift+Tab cycle through its controls (a presenter tabbing on never lands behind it), and
 * focus that strays out (a control inside went away) is brought back on the next Tab.
 */
import { useEffect, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The popover's controls that Tab can reach, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.getClientRects().length > 0);
}

export function Popover({
  label,
  onClose,
  className,
  children,
}: {
  label: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, so callers need not memoise it and the effect runs once per opening.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = ref.current ? focusables(ref.current)[0] : undefined;
    first?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab' || !ref.current) return;
      const items = focusables(ref.current);
      if (items.length === 0) return;
      const active = document.activeElement;
      const i = items.indexOf(active as HTMLElement);
      const inside = ref.current.contains(active);
      if (!inside || (e.shiftKey && i === 0) || (!e.shiftKey && i === items.length - 1)) {
        e.preventDefault();
        (e.shiftKey ? items[items.length - 1] : items[0]).focus({ preventScroll: true });
      }
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (ref.current && !ref.current.contains(target) && !(opener && opener.contains(target))) close.current();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onDown, true);
      if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <div ref={ref} role="dialog" aria-label={label} className={`popover ${className ?? ''}`}>
      {children}
    </div>
  );
}
