/**
 * The English dictionary: every user-visible string of the app. Its shape is the type the
 * Chinese dictionary must match (./zh.ts), so a missing translation is a compile error.
 * Parameterised strings are functions; numbers arrive already formatted (see ./format.ts).
 */

import { playbackEn } from './parts/playback';
import { stageEn } from './parts/stage';
import { chromeEn } from './parts/chrome';
import { hostEn } from './parts/host';
import { shareEn } from './parts/share';
import { simEn } from './parts/sim';
import { quietEn } from './parts/quiet';
import { eventsEn } from './parts/events';

/** A node as written in sentences: "n3". Client actors: "client 1". */
type N = string;

export const en = {
  appTitle: 'Quorumscope',
  tagline: 'distributed consensus, one message at a time',
  loading: 'Starting the simulation…',

  // Header
  lesson: 'Lesson',
  customScenario: 'Your scenario',
  language: 'Language',
  themeToLight: 'Light theme',
  themeToDark: 'Dark theme',
  largeType: 'Large type',
  share: 'Share',
  shareCopied: 'Link copied to the clipboard',
  shareFailed: 'Copy this link:',
  settings: 'Settings',
  settingsTitle: 'Protocol options',
  settingsNote: 'Changing an option restarts the scenario from frame 0.',
  bugsTitle: 'Deliberate bugs',
  bugsNote: 'Break the protocol the way people get it wrong, and watch the checkers catch it.',
  modelTitle: 'What this model simplifies',
  runHalted: (limit: string) => `The run stopped: over ${limit} messages in flight, the network floods faster than it delivers. Slow the heartbeats or speed up the network.`,
  close: 'Close',
  dismiss: 'Dismiss',

  // Transport
  play: 'Play',
  pause: 'Pause',
  stepForward: 'Step forward',
  stepBack: 'Step back',
  firstFrame: 'First frame',
  lastFrame: 'Last frame',
  speed: 'Speed',
  speedMax: 'max',
  frameLabel: 'frame',
  timeLabel: 't',
  timeline: 'Timeline',
  transport: 'Playback',
  faultTools: 'Faults',
  timelineValue: (frame: string, time: string) => `frame ${frame}, ${time}`,
  markTitles: {
    crash: (n: N) => `${n} crashed`,
    restart: (n: N) => `${n} restarted`,
    partition: () => 'network partitioned',
    heal: () => 'network healed',
    cut: (n: N) => `a link of ${n} was cut`,
    mend: (n: N) => `a link of ${n} was mended`,
    request: (n: N) => `client request${n ? ` to ${n}` : ''}`,
    timeout: (n: N) => `${n}’s election timer was made to fire`,
    drop: (n: N) => `a message from ${n} was dropped`,
    add: (n: N) => `${n} joined`,
    remove: (n: N) => `${n} was removed`,
    violation: () => 'safety violation',
  },
  runStopped: 'Stopped: a safety invariant was violated',
  violationWhere: (frame: string, time: string, seed: string) => `at frame ${frame} (t = ${time}), seed ${seed}`,
  /** After "Stopped: …": which invariant, why (from the checker's data), and where. */
  violationText: (invariant: string, reason: string, where: string) => ` — ${invariant}: ${reason} (${where})`,
  untilReached: (t: string) => `Reached the scenario’s end (${t}); press Play to keep going`,

  // Stage
  stage: 'Cluster',
  legend: 'Legend',
  legendTitle: 'What the shapes mean',
  legendItems: {
    dropped: 'fading: will be lost',
    down: 'down: grey, dashed, ✕',
    cut: 'link cut in one direction ✂',
    partition: 'shaded: one side of a partition',
  },
  client: 'client',
  clientName: (id: string) => `client ${id}`,
  linkName: (a: N, b: N, state: string) => `Link ${a}–${b}, ${state}`,
  linkUp: 'up',
  linkCutOne: (from: N, to: N) => `${from} → ${to} cut`,
  linkCutBoth: 'cut both ways',
  linkBlocked: 'blocked by the partition',
  cutDir: (from: N, to: N) => `Cut ${from} → ${to}`,
  cutBoth: 'Cut both ways',
  mendLink: 'Mend',

  // Fault tools
  sendRequest: 'Send request',
  partition: 'Partition',
  partitionTitle: 'Split the network',
  partitionHelp: 'Put each node on side A or B; nodes on different sides cannot talk.',
  sideA: 'A',
  sideB: 'B',
  sideOf: (n: N, side: string) => `${n} on side ${side}`,
  applyPartition: 'Apply partition',
  isolate: (n: N) => `Isolate ${n}`,
  heal: 'Heal',

  // Node actions
  crash: 'Crash',
  restart: 'Restart',
  /** Membership protocols (the hash ring): the node leaves for good, announced (unlike a crash). */
  removeNode: 'Remove',
  removeNodeHelp: (n: N) => `${n} leaves for good: the operator tells the router, which moves its keys at once`,
  requestTo: (n: N) => `Request via ${n}`,
  deselect: 'Deselect',
  selectNodeHint: 'Select a node on the stage (click it, or Tab to it and press Enter) to inspect it and crash or restart it.',

  // Side panel
  panel: 'Details',
  tabEvents: 'Events',
  tabNode: 'Node',
  tabNodeN: (id: string) => `Node ${id}`,
  eventsEmpty: 'No events yet. Press Play or Step forward.',
  eventsHelp: 'Click an event to go to that frame.',
  frameN: (n: string) => `frame ${n}`,
  initialState: 'Initial state',

  alive: 'up',
  down: 'down',
  none: 'none',


  // Problems (a bad URL parameter, a scenario that failed to load)
  problems: {
    badBase64: 'The link’s scenario (s=) is not valid base64url.',
    badJson: (detail: string) => `The link’s scenario (s=) is not valid JSON: ${detail}.`,
    // The validator's reason stays in English (src/sim/scenario.ts); the field is named.
    badScenario: (field: string, reason: string) => `The scenario is invalid — ${field}: ${reason}.`,
    unknownScenario: (name: string) => `There is no bundled scenario named “${name}”.`,
    badLesson: (name: string) => `lesson= must name a bundled lesson (got “${name}”).`,
    badFrame: (value: string) => `frame= must be a whole number of at least 0 (got “${value}”).`,
    badSpeed: (value: string) => `speed= must be a number from 0.001 to 10, or max (got “${value}”).`,
    badLang: (value: string) => `lang= must be en or zh (got “${value}”).`,
    simFailed: (detail: string) => `The simulation stopped with an error: ${detail}`,
    impossibleInitial: (node: string, term: string, atLeast: string, nodes: string, quorum: string) =>
      `Raft could never reach this initial state: ${node} holds an entry of term ${term}, but only ${atLeast} of ${nodes} nodes are at term ${term} or later, and its leader needed a majority (${quorum}). The run goes ahead; the checkers may flag what follows.`,
    noView: (protocol: string) => `This app has no view for protocol “${protocol}”: it runs, but cannot be drawn.`,
    fallback: 'Showing the default lesson instead.',
  },

  lessons: {
    'raft-election': {
      title: 'Raft · leader election',
      blurb: 'Five servers start as followers. The first whose election timeout (the arc) runs out becomes a candidate and asks for votes; a majority makes it leader.',
    },
    'raft-leader-crash': {
      title: 'Raft · the leader crashes',
      blurb: 'n3 is elected and takes a request, then crashes at 1.5 s. The followers stop hearing heartbeats, time out and elect a new leader in a higher term; n3 restarts at 4.5 s as a follower.',
    },
    'raft-partition': {
      title: 'Raft · leader in a minority',
      blurb: 'At 1.5 s a partition leaves leader n3 with only n4. n3 accepts a request it can never commit; n1, n2 and n5 elect a new leader, which commits the next one. After the heal at 5 s, n3 steps down and its uncommitted entry is replaced.',
    },
    'raft-figure7': {
      title: 'Raft · Figure 7: repairing logs',
      blurb: 'The logs of the Raft paper’s Figure 7 (n1 is the paper’s leader, n2–n7 are a–f). n1 wins term 8; AppendEntries backs nextIndex off until every log matches n1’s: missing entries are filled in, extra ones deleted.',
    },
    'raft-figure8': {
      title: 'Raft · Figure 8: old-term entries',
      blurb: 'The Raft paper’s Figure 8: n1, n2 and n3 hold a term-2 entry at index 2 — a majority — but it was never committed. n5, whose log ends in term 3, wins and overwrites it everywhere. So a leader commits only by counting entries of its own term.',
    },
    'raft-figure8-bug': {
      title: 'Raft · Figure 8 with the bug',
      blurb: 'The same logs, with the deliberate bug commitPreviousTermByCount: n1 wins term 4 and commits the term-2 entry at index 2 just because a majority holds it. A partition then cuts n1 and n2 off; n5 wins the majority side and overwrites index 2. The checker stops the run: Leader Completeness is violated.',
    },
    'raft-rejoin-disrupts': {
      title: 'Raft · a rejoining node disrupts the leader',
      blurb: 'At 1 s n1 is cut off. Alone, it times out again and again, raising its term each time, to 10. When the network heals at 3 s its higher term makes leader n4 step down, and n1 — whose log is just as complete — wins term 10: an election nobody needed. PreVote (next lesson) prevents it.',
    },
    'raft-prevote': {
      title: 'Raft · PreVote keeps the peace',
      blurb: 'The same, with PreVote on. Cut off, n1 only asks for pre-votes at term + 1 and never gets a majority, so its own term stays at 1. After the heal it simply hears n4’s heartbeats and follows; n4 keeps leading term 1.',
    },
    'raft-split-vote': {
      title: 'Raft · a split vote',
      blurb: 'Four servers; n1 and n3 are made to time out at the same moment (“time out” on both). Each votes for itself and wins one more vote: 2 of 4, and 3 are needed. Nobody wins term 1. Every election timeout is drawn afresh at random, so they now differ: the first to run out (n4) asks alone in term 2 and wins.',
    },
  },

  // Per-area parts (./parts/*.ts).
  ...playbackEn,
  ...stageEn,
  ...chromeEn,
  ...hostEn,
  ...shareEn,
  ...simEn,
  ...quietEn,
  ...eventsEn,
};

export type Dict = typeof en;
