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

class WorkerSession extends SimSession {
  /** The linearization check's time, as the history tab shows it. */
  protected override checkClock = () => performance.now();

  override query(frame: number, name: string, arg?: unknown): unknown {
    const { value, buffers } = detachable(super.query(frame, name, arg));
    return buffers.length > 0 ? Comlink.transfer(value, buffers) : value;
  }
}

Comlink.expose(new WorkerSession());
