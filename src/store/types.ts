/** Small shared types of the app store (kept here so the store never imports UI code). */
export type Lang = 'en' | 'zh';
export type Theme = 'light' | 'dark';
export type Speed = number | 'max';
export type PanelTab = 'log' | 'events' | 'node';

/**
 * The speeds the transport offers, down to 1/1000× (RaftScope's slowest). A lesson picks
 * its own default (src/store/lessons.ts); DEFAULT_SPEED is for a scenario that is no lesson.
 */
export const SPEEDS: readonly Speed[] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 'max'];
export const DEFAULT_SPEED: Speed = 0.02;

export type ProblemCode =
  | 'badBase64'
  | 'badJson'
  | 'badScenario'
  | 'unknownScenario'
  | 'badLesson'
  | 'badFrame'
  | 'badSpeed'
  | 'badLang'
  | 'simFailed'
  | 'impossibleInitial'
  // A protocol the worker runs but the UI has no view for (src/ui/views/registry.ts).
  | 'noView'
  // The link's fragment and look (src/ui/url.ts): a compressed scenario (#z=) that is not
  // base64url, cut short, damaged, or not JSON; a payload over the size limits; a browser
  // without DecompressionStream; theme= and large= values.
  | 'badPackedBase64'
  | 'packedTruncated'
  | 'packedCorrupt'
  | 'packedJson'
  | 'linkTooLarge'
  | 'noDecompression'
  | 'badTheme'
  | 'badLarge';

/** Something wrong with the link, the scenario or the worker; translated when shown. */
export interface Problem {
  code: ProblemCode;
  /** The offending value or the validator's message. */
  detail: string;
  /** badScenario: the field the validator named (its message stays in English). */
  field?: string;
  /** Whether the default lesson was opened instead. */
  fellBack?: boolean;
  /** impossibleInitial: the protocol's warning arguments (node, term, atLeast, quorum, nodes). */
  args?: Record<string, number | string>;
}

/** A leader change to announce in the live region (text is made in the current language). */
export interface Announcement {
  seq: number;
  leader: number;
  /** The era the leader leads (Raft: term; ZAB: epoch); the protocol's dictionary says it in words. */
  era: number;
}
