/**
 * What every coordination service's checkers share: reading the clients' history as it
 * grows, one event at a time, without rescanning it. A client records an operation at its
 * invocation (ClientCtx.invoked) and replaces the record at its completion; notifications
 * are appended. After each simulator event a checker polls the cursor, which reports the
 * records that appeared, the ones that completed, and the new notifications — in op-id
 * order, then delivery order — at a cost of O(pending ops + what is new).
 */
import type { ServiceWorld } from './registry';

export interface HistoryRecord {
  /** 1-based client number. */
  client: number;
  op: string;
  args: Record<string, unknown>;
  invoke: number;
  complete: number | null;
  ok: boolean;
  error: string | null;
}

export interface HistoryVisitor<Rec extends HistoryRecord, Ev> {
  invoked?(rec: Rec, opId: number): void;
  completed?(rec: Rec, opId: number): void;
  event?(ev: Ev): void;
}

export class HistoryCursor<Rec extends HistoryRecord, Ev> {
  /** ops[0 .. seenOps) have been looked at. */
  private seenOps = 0;
  private seenEvents = 0;
  /** Op ids not completed yet (or not recorded yet), ascending. */
  private pending: number[] = [];
  /** Pending op ids whose invocation was not reported yet (their record had not appeared). */
  private unannounced = new Set<number>();

  /** Report what changed since the last poll (a record that appears complete is reported invoked, then completed). */
  poll(world: ServiceWorld, v: HistoryVisitor<Rec, Ev>): void {
    const ops = world.ops as readonly (Rec | undefined)[];
    let keep = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const id = this.pending[i];
      const rec = ops[id];
      if (rec !== undefined && this.unannounced.delete(id)) v.invoked?.(rec, id);
      if (rec !== undefined && rec.complete !== null) v.completed?.(rec, id);
      else this.pending[keep++] = id;
    }
    this.pending.length = keep;
    for (; this.seenOps < ops.length; this.seenOps++) {
      const id = this.seenOps;
      const rec = ops[id];
      if (rec === undefined) {
        // Not recorded yet (op ids are handed out at invocation): look again next time.
        this.pending.push(id);
        this.unannounced.add(id);
        continue;
      }
      v.invoked?.(rec, id);
      if (rec.complete !== null) v.completed?.(rec, id);
      else this.pending.push(id);
    }
    const events = world.events as readonly Ev[];
    for (; this.seenEvents < events.length; this.seenEvents++) v.event?.(events[this.seenEvents]);
  }
}
