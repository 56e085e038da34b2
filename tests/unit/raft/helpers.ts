/** Shorthands shared by the Raft tests: put a hand-stepped node into a given role. */
import { Note, type RaftMsg, type RaftNode } from '../../../src/core/raft/types';
import { FakeCtx, fire, step } from './harness';

/** Time out and collect granted votes from every peer until leader. Returns the winning step's ctx. */
export function elect(node: RaftNode, now = 0): FakeCtx {
  let ctx = fire(node, now);
  if (node.role === 'precandidate') {
    for (const p of node.peers) {
      if (node.role !== 'precandidate') break;
      ctx = step(node, { type: 'RequestVoteReply', term: node.term + 1, granted: true, pre: true, reason: 0 }, p, now);
    }
  }
  for (const p of node.peers) {
    if (node.role !== 'candidate') break;
    ctx = step(node, { type: 'RequestVoteReply', term: node.term, granted: true, pre: false, reason: 0 }, p, now);
  }
  if (node.role !== 'leader') throw new Error(`n${node.id} did not become leader`);
  return ctx;
}

/** A RequestVote; `candidate` is the id it names (the harness passes the sender separately). */
export function vote(term: number, lastIndex = 0, lastTerm = 0, pre = false, candidate = 0): RaftMsg {
  return { type: 'RequestVote', term, candidate, lastIndex, lastTerm, pre };
}

export function app(term: number, prevIndex: number, prevTerm: number, entryTerms: number[] = [], leaderCommit = 0): RaftMsg {
  return {
    type: 'AppendEntries',
    term,
    prevIndex,
    prevTerm,
    entries: entryTerms.map((t, i) => ({ term: t, value: `v${prevIndex + 1 + i}` })),
    leaderCommit,
  };
}

export function appOk(term: number, index: number): RaftMsg {
  return { type: 'AppendEntriesReply', term, success: true, index, hintIndex: 0, hintTerm: 0 };
}

export const N = Note;
