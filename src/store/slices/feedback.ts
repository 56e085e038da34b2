/**
 * Feedback slice: what the app tells the user besides the stage — problems (bad links,
 * worker failures), a short confirmation toast, the leader-change announcement for the
 * live region (set by core.applyView).
 */
import type { Core } from '../core';
import type { Announcement, Problem } from '../types';

export interface FeedbackSlice {
  problems: Problem[];
  announcement: Announcement | null;
  /** A short confirmation (e.g. "Link copied"), keyed for translation. */
  toast: { key: 'shareCopied'; seq: number } | null;
  dismissProblem(index: number): void;
  addProblem(problem: Problem): void;
  showToast(key: 'shareCopied'): void;
}

export function feedbackSlice({ set }: Core): FeedbackSlice {
  let toastSeq = 0;
  return {
    problems: [],
    announcement: null,
    toast: null,
    dismissProblem(index) {
      set((s) => ({ problems: s.problems.filter((_, i) => i !== index) }));
    },
    addProblem(problem) {
      set((s) => ({ problems: [...s.problems, problem] }));
    },
    showToast(key) {
      set({ toast: { key, seq: ++toastSeq } });
    },
  };
}
