/**
 * The simulation's Web Worker: one SimSession per worker, exposed over Comlink. Thin on
 * purpose — everything it does lives in src/sim and runs the same in Vitest.
 *
 * A query's large typed arrays (the ring's owners of 100,000 keys × R, its points, the keys'
 * hashes) are transferred to the page rather than cloned: copied once here (the session may
 * keep the originals in its caches) and handed over, so the page's main thread does not
 * deserialize them.
 */
import * as Comlink from 'comlink';
import { SimSession } from '../sim/session';
import { detachable } from './transfer';
import { LINEARIZATION_QUERY, type LinearizationAnswer } from '../core/coord/zookeeper/history-query';

class WorkerSession extends SimSession {
  /** How long each linearization answer took to compute (the session hands the same object back while the history is unchanged). */
  private readonly checkMs = new WeakMap<object, number>();

  override query(frame: number, name: string, arg?: unknown): unknown {
    if (name === LINEARIZATION_QUERY) return this.timedCheck(frame, arg);
    const { value, buffers } = detachable(super.query(frame, name, arg));
    return buffers.length > 0 ? Comlink.transfer(value, buffers) : value;
  }

  /** The check's answer with `check.ms`, its wall time here in the worker (never in the pure session). */
  private timedCheck(frame: number, arg: unknown): unknown {
    const t0 = performance.now();
    const answer = super.query(frame, LINEARIZATION_QUERY, arg) as LinearizationAnswer | null;
    if (answer === null || typeof answer !== 'object') return answer;
    let ms = this.checkMs.get(answer.check);
    if (ms === undefined) this.checkMs.set(answer.check, (ms = performance.now() - t0));
    return { ...answer, check: { ...answer.check, ms } };
  }
}

Comlink.expose(new WorkerSession());
