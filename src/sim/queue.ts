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
  /** Lost: decided at send time by the network's random drop rate, or later by a user's `drop`. */
  lost: boolean;
  /** Lost because the user dropped it (a `drop` action), not by the drop rate. */
  byUser: boolean;
  /** Send order on its link: the nth message ever sent from → to (1-based); 0 for links to or from a client. */
  nth: number;
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

  /**
   * Replace the entry at heap position `i` with `m`, which must keep its (at, seq), so the
   * heap order holds. Entries are never mutated in place: keyframes share them.
   */
  replaceAt(i: number, m: InFlight<Msg>): void {
    const old = this.items[i];
    if (old.at !== m.at || old.seq !== m.seq) throw new Error('queue: a replacement must keep its time and sequence');
    this.items[i] = m;
  }

  restore(items: readonly InFlight<Msg>[]): void {
    this.items = items.slice();
  }
}
