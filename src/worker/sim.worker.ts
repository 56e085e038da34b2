/**
 * The simulation's Web Worker: one SimSession per worker, exposed over Comlink. Thin on
 * purpose — everything it does lives in src/sim and runs the same in Vitest.
 */
import * as Comlink from 'comlink';
import { SimSession } from '../sim/session';

Comlink.expose(new SimSession());
