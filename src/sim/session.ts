/**
 * SimSession: one simulation with its history, behind the SimApi the UI uses.
 * (Being written: this placeholder lets the worker and UI compile meanwhile.)
 */
import type { EventRow, FrameView, LoadResult, Mark, SimApi, UserAction } from './api';
import type { Scenario } from './scenario';

export class SimSession implements SimApi {
  load(_scenario: unknown): LoadResult {
    throw new Error('SimSession not implemented yet');
  }
  view(): FrameView {
    throw new Error('not implemented yet');
  }
  seek(_frame: number): FrameView {
    throw new Error('not implemented yet');
  }
  advanceTo(_timeMs: number, _maxNewFrames?: number): FrameView {
    throw new Error('not implemented yet');
  }
  act(_action: UserAction, _atTimeMs?: number): FrameView {
    throw new Error('not implemented yet');
  }
  events(_fromFrame: number, _toFrame: number): EventRow[] {
    throw new Error('not implemented yet');
  }
  marks(_sinceFrame: number): Mark[] {
    throw new Error('not implemented yet');
  }
  scenario(): Scenario {
    throw new Error('not implemented yet');
  }
}
