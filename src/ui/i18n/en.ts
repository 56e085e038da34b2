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
  /** Protocol switches offered in the settings, by config key (a protocol's view lists its keys). */
  switches: {
    preVote: { name: 'PreVote', help: 'etcd’s pre-election: ask for votes at term + 1 before disrupting anyone' },
    checkQuorum: { name: 'CheckQuorum', help: 'A leader that hears from no quorum steps down; followers with a live leader ignore votes' },
  } as Record<string, { name: string; help: string }>,
  bugsTitle: 'Deliberate bugs',
  bugsNote: 'Break the protocol the way people get it wrong, and watch the checkers catch it.',
  bugHelp: {
    commitPreviousTermByCount: 'Commit an older term’s entry just because a majority holds it (Figure 8)',
    voteWithoutLogCheck: 'Grant votes without checking that the candidate’s log is up to date',
    doubleVote: 'Vote for more than one candidate in the same term',
    noTruncateOnConflict: 'Keep conflicting entries instead of deleting them',
  } as Record<string, string>,
  modelTitle: 'What this model simplifies',
  raftSimplifications: [
    'commitIndex is volatile, as in the Raft paper: a restarted node starts at 0 (etcd persists it).',
    'No log compaction or snapshots, membership changes, leader transfer or ReadIndex.',
    'Clients are never partitioned from the server they pick; a retried request is appended again.',
    'The simulated network may reorder messages (etcd’s transport does not); the leader just probes again.',
    'Times are the paper’s (50 ms heartbeats, 150–300 ms elections, 10–30 ms latency), played slowly.',
  ],
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
    leader: (n: N, term: string) => `${n} became leader of term ${term}`,
    crash: (n: N) => `${n} crashed`,
    restart: (n: N) => `${n} restarted`,
    partition: () => 'network partitioned',
    heal: () => 'network healed',
    cut: (n: N) => `a link of ${n} was cut`,
    mend: (n: N) => `a link of ${n} was mended`,
    request: (n: N) => `client request${n ? ` to ${n}` : ''}`,
    timeout: (n: N) => `${n}’s election timer was made to fire`,
    drop: (n: N) => `a message from ${n} was dropped`,
    commit: (n: N, index: string) => `${n} committed up to index ${index}`,
    violation: () => 'safety violation',
  },
  runStopped: 'Stopped: a safety invariant was violated',
  violationWhere: (frame: string, time: string, seed: string) => `at frame ${frame} (t = ${time}), seed ${seed}`,
  /** After "Stopped: …": which invariant, why (from the checker's data), and where. */
  violationText: (invariant: string, reason: string, where: string) => ` — ${invariant}: ${reason} (${where})`,
  /** The invariants the checkers name (Violation.invariant, always English in the data). */
  invariants: {
    'Election Safety': 'Election Safety',
    'Leader Append-Only': 'Leader Append-Only',
    'Log Matching': 'Log Matching',
    'Leader Completeness': 'Leader Completeness',
    'State Machine Safety': 'State Machine Safety',
  },
  /** Why an invariant broke, by Violation.why.code (src/core/raft/checkers.ts); values arrive quoted. */
  violations: {
    sameIndexAndTermDifferentEntry: (n: N, index: string, term: string, value: string, other: N, otherValue: string) =>
      `${n} holds ${value} at index ${index} (term ${term}), but ${other} held a different entry, ${otherValue}, there in the same term`,
    sameIndexAndTermDifferentHistory: (n: N, index: string, term: string, prevTerm: string, other: N, otherPrevTerm: string) =>
      `${n}’s entry at index ${index} (term ${term}) follows an entry of term ${prevTerm}, but on ${other} it follows one of term ${otherPrevTerm}: same index and term, different history`,
    committedDifferentEntry: (n: N, index: string, term: string, value: string, committedTerm: string, committedValue: string) =>
      `${n} committed ${value} (term ${term}) at index ${index}, where ${committedValue} (term ${committedTerm}) was already committed`,
    secondLeaderOfTerm: (n: N, term: string, other: N) => `${n} became leader of term ${term}, which ${other} already leads`,
    leaderLacksCommittedEntry: (n: N, term: string, index: string, entryTerm: string, value: string) =>
      `${n} became leader of term ${term} without the committed entry at index ${index} (term ${entryTerm}, ${value})`,
    leaderRewroteLog: (n: N, term: string, index: string) => `${n}, leader of term ${term}, rewrote its log from index ${index}`,
    removedCommittedEntries: (n: N, index: string, commit: string) => `${n} removed entries from index ${index} of its log, but had committed up to ${commit}`,
  },
  untilReached: (t: string) => `Reached the scenario’s end (${t}); press Play to keep going`,

  // Stage
  stage: 'Cluster',
  legend: 'Legend',
  legendTitle: 'What the shapes mean',
  legendItems: {
    heartbeat: 'heartbeat (empty AppendEntries)',
    requestVote: 'RequestVote (dashed: PreVote)',
    voteYes: 'vote granted ✓',
    voteNo: 'vote denied ✗',
    append: 'AppendEntries with entries (term colour, ×count)',
    appendYes: 'append accepted ✓',
    appendNo: 'append rejected ✗',
    clientRequest: 'client request',
    clientReply: 'reply to the client',
    dropped: 'fading: will be lost',
    leader: 'leader: thick ring and ★',
    down: 'down: grey, dashed, ✕',
    timer: 'arc: time left before the election timeout',
    cut: 'link cut in one direction ✂',
    partition: 'shaded: one side of a partition',
  },
  client: 'client',
  clientName: (id: string) => `client ${id}`,
  nodeName: (id: string, role: string, term: string) => `Node ${id}, ${role}, term ${term}`,
  nodeDownName: (id: string, term: string) => `Node ${id}, down, term ${term}`,
  termShort: (term: string) => `term ${term}`,
  linkName: (a: N, b: N, state: string) => `Link ${a}–${b}, ${state}`,
  linkUp: 'up',
  linkCutOne: (from: N, to: N) => `${from} → ${to} cut`,
  linkCutBoth: 'cut both ways',
  linkBlocked: 'blocked by the partition',
  cutDir: (from: N, to: N) => `Cut ${from} → ${to}`,
  cutBoth: 'Cut both ways',
  mendLink: 'Mend',
  leaderAnnounce: (n: N, term: string) => `${n} is now the leader of term ${term}`,
  noLeaderAnnounce: 'No leader',

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
  requestTo: (n: N) => `Request via ${n}`,
  deselect: 'Deselect',
  selectNodeHint: 'Select a node on the stage (click it, or Tab to it and press Enter) to inspect it and crash or restart it.',

  // Side panel
  panel: 'Details',
  tabLog: 'Log',
  tabEvents: 'Events',
  tabNode: 'Node',
  tabNodeN: (id: string) => `Node ${id}`,
  logIndex: 'index',
  logCommit: 'commit',
  logNext: 'next',
  logMatch: 'match',
  logCellTitle: (index: string, term: string, value: string) => `index ${index}, term ${term}${value ? `: ${value}` : ''}`,
  logCommitted: 'committed',
  logNotCommitted: 'not committed yet',
  logLegend: 'Each cell is one log entry, coloured by its term (number inside). Solid: committed on that node; hollow (dashed): not yet; a bar follows the commit index. nextIndex / matchIndex: what the leader records for each follower.',
  logEmpty: 'empty',
  eventsEmpty: 'No events yet. Press Play or Step forward.',
  eventsHelp: 'Click an event to go to that frame.',
  frameN: (n: string) => `frame ${n}`,
  initialState: 'Initial state',

  fieldRole: 'role',
  fieldTerm: 'term',
  fieldVotedFor: 'votedFor',
  fieldLeader: 'leader known',
  fieldCommit: 'commitIndex',
  fieldLastIndex: 'last log index',
  fieldVotes: 'votes received',
  fieldAlive: 'status',
  alive: 'up',
  down: 'down',
  none: 'none',
  commitNote: 'As in the Raft paper, commitIndex is volatile: it restarts at 0 after a crash (etcd persists it).',

  roles: {
    leader: 'leader',
    follower: 'follower',
    candidate: 'candidate',
    precandidate: 'pre-candidate',
    down: 'down',
  },

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

  // Narration of Raft events (src/ui/raft/narrate.ts chooses among these)
  raft: {
    kinds: {
      1: 'RequestVote',
      2: 'RequestVote reply',
      3: 'AppendEntries',
      4: 'AppendEntries reply',
      5: 'client request',
      6: 'client reply',
      7: 'PreVote',
      8: 'PreVote reply',
      9: 'heartbeat',
    },
    deliver: (to: N, kind: string, from: N) => `${to} received ${kind} from ${from}`,
    dropLost: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was lost in the network`,
    dropLinkDown: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was dropped: the link is down`,
    dropNodeDown: (kind: string, from: N, to: N) => `${kind} from ${from} to ${to} was dropped: ${to} is down`,
    timer: (n: N) => `${n}’s timer fired`,
    clientTimer: (c: N) => `${c} timed out waiting for an answer`,
    actionCrash: (n: N) => `${n} crashed`,
    actionRestart: (n: N) => `${n} restarted`,
    actionPartition: (groups: string) => `Network partitioned: ${groups}`,
    actionCut: (from: N, to: N) => `Link ${from} → ${to} cut`,
    actionMend: (from: N, to: N) => `Link ${from} → ${to} mended`,
    actionHeal: 'Network healed: every link is up',
    actionRequest: (value: string, to: N) => `A client sends “${value}”${to ? ` to ${to}` : ' to the leader'}`,
    initial: 'Initial state: every node is a follower',

    startElection: (n: N, term: string) => `${n}’s election timeout fired: it becomes a candidate for term ${term} and votes for itself`,
    startPreVote: (n: N, term: string) => `${n}’s election timeout fired: it becomes a pre-candidate and asks for pre-votes at term ${term}`,
    becameLeader: (n: N, term: string, votes: string, quorum: string) => `${n} won the election: leader of term ${term} with ${votes} votes (a majority is ${quorum})`,
    adoptTerm: (n: N, term: string, old: string, from: N) => `${n} saw term ${term} from ${from} (it was at ${old}): adopts it and becomes a follower`,
    followLeader: (n: N, term: string, leader: N) => `${n} follows ${leader}, the leader of term ${term}`,
    voteGranted: (n: N, cand: N, term: string) => `${n} voted for ${cand} in term ${term}`,
    preVoteGranted: (n: N, cand: N, term: string) => `${n} granted ${cand} a pre-vote for term ${term}`,
    voteDeniedStaleTerm: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: its term ${its} is older than ours, ${ours}`,
    voteDeniedAlreadyVoted: (n: N, cand: N, term: string, votedFor: N) => `${n} denied ${cand}’s vote: it already voted for ${votedFor} in term ${term}`,
    voteDeniedLogTerm: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: its log ends at term ${its}, ours at term ${ours}`,
    voteDeniedLogIndex: (n: N, cand: N, its: string, ours: string) => `${n} denied ${cand}’s vote: same last term, but its log ends at index ${its}, ours at ${ours}`,
    voteDeniedKnowsLeader: (n: N, cand: N, term: string, leader: N) => `${n} denied ${cand}’s vote: it knows ${leader} leads term ${term}`,
    voteIgnoredLease: (n: N, cand: N, term: string, leader: N) => `${n} ignored ${cand}’s vote request: it heard from leader ${leader} (term ${term}) within the election timeout (CheckQuorum)`,
    voteCounted: (n: N, voter: N, granted: string, quorum: string) => `${n} counted ${voter}’s vote: ${granted} of the ${quorum} it needs`,
    voteRejectCounted: (n: N, voter: N, rejected: string, quorum: string) => `${n} was refused by ${voter}: ${rejected} ${rejected === '1' ? 'refusal' : 'refusals'} so far (${quorum} would end the election)`,
    electionLost: (n: N, term: string) => `${n} lost the election for term ${term}: a majority refused`,
    appendAccepted: (n: N, prev: string, added: string, last: string) => `${n} accepted AppendEntries after index ${prev}: ${added} new ${added === '1' ? 'entry' : 'entries'}, its log now ends at ${last}`,
    heartbeatAccepted: (n: N, prev: string) => `${n} accepted the heartbeat: its log matches the leader’s at index ${prev}`,
    appendRejectedStaleTerm: (n: N, from: N, its: string, ours: string) => `${n} rejected ${from}’s AppendEntries: its term ${its} is older than ours, ${ours}`,
    appendRejectedMissing: (n: N, from: N, prev: string, last: string) => `${n} rejected ${from}’s AppendEntries: it has no entry at prevIndex ${prev} (its log ends at ${last})`,
    appendRejectedTermMismatch: (n: N, prev: string, ours: string, expected: string) => `${n} rejected AppendEntries: its entry at index ${prev} has term ${ours}, the leader expected term ${expected}`,
    truncated: (n: N, from: string, count: string, term: string) => `${n} deleted ${count} conflicting ${count === '1' ? 'entry' : 'entries'} from index ${from} on (term ${term} there)`,
    commitAdvanced: (n: N, to: string, from: string) => `${n}’s commit index advanced from ${from} to ${to}`,
    commitBlockedOldTerm: (n: N, index: string, term: string, current: string) => `${n} does not commit index ${index}: it is on a majority, but from term ${term}, not the current term ${current} (Figure 8)`,
    matchAdvanced: (n: N, follower: N, match: string) => `${n} learns ${follower} matches its log up to index ${match} (matchIndex)`,
    nextIndexBackoff: (n: N, follower: N, next: string, prev: string) => `${follower} rejected prevIndex ${prev}: ${n} backs nextIndex off to ${next}`,
    clientAppended: (n: N, index: string, term: string) => `${n} appended the client’s value at index ${index} (term ${term})`,
    clientRedirected: (n: N, leader: N) => `${n} is not the leader: it tells the client to try ${leader}`,
    clientRedirectedUnknown: (n: N) => `${n} is not the leader and knows none: the client must try again`,
    checkQuorumStepDown: (n: N, active: string, quorum: string) => `${n} steps down: it heard from only ${active} nodes, a majority is ${quorum} (CheckQuorum)`,
    heartbeat: (n: N, term: string) => `${n} sends AppendEntries (heartbeats) to every follower (term ${term})`,
    ignoredStale: (n: N, from: N, its: string, ours: string) => `${n} ignored a message from ${from} of old term ${its} (ours is ${ours})`,
    preVoteWon: (n: N, granted: string, quorum: string) => `${n} won the pre-vote (${granted} of ${quorum}): it becomes a real candidate`,
    restarted: (n: N, term: string, votedFor: N, last: string) => `${n} restarted with its persistent state: term ${term}, voted for ${votedFor}, log up to index ${last}`,
    ignoredReply: (n: N, from: N, term: string) => `${n} ignored a reply from ${from} (term ${term}) that no longer matters`,
    appendReplyInStep: (n: N, follower: N, match: string) => `${follower} is in step with ${n} up to index ${match}: nothing new to commit`,
    appendIgnoredAsLeader: (n: N, from: N, term: string) => `${n} ignored AppendEntries from ${from}, another leader of its own term ${term} (possible only with a deliberate bug)`,
    unknownNote: (code: string) => `decision ${code}`,
    nobody: 'nobody',
  },
  // Per-area parts (./parts/*.ts).
  ...playbackEn,
  ...stageEn,
  ...chromeEn,
  ...hostEn,
  ...shareEn,
  ...simEn,
};

export type Dict = typeof en;
