/**
 * The event queue: a binary min-heap of in-flight messages ordered by (at, seq).
 * The message envelope itself is the heap entry; no per-operation allocation beyond it.
 */

export interface InFlight<Msg = unknown> {
  /** Delivery time, virtual ms. */
  at: number;
  /** Global tie-breaker: lower first at equal times. */
  seq: number;
  from: number;
  to: number;
  sentAt: number;
  /** Decided at send time: lost by the network's random drop rate. */
  lost: boolean;
  msg: Msg;
}

function less(x: InFlight, y: InFlight): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

export class MessageQueue<Msg = unknown> {
  items: InFlight<Msg>[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): InFlight<Msg> | undefined {
    return this.items[0];
  }

  push(m: InFlight<Msg>): void {
    const h = this.items;
    let i = h.length;
    h.push(m);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(m, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = m;
  }

  pop(): InFlight<Msg> | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r], h[l]) ? r : l;
        if (!less(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** A copy for a keyframe (entries are immutable once queued, so a shallow copy suffices). */
  snapshot(): InFlight<Msg>[] {
    return this.items.slice();
  }

  restore(items: readonly InFlight<Msg>[]): void {
    this.items = items.slice();
  }
}
