/** The view registry: no silent fallback to Raft, and what a view declares (era, arcs, leaders, marks). */
import { describe, expect, it } from 'vitest';
import { allViews, viewFor, viewLeads } from '../../../src/ui/views/registry';
import { problemText } from '../../../src/ui/shell/ProblemBanner';
import { dict } from '../../../src/ui/i18n';
import { raftView } from '../../../src/ui/raft/view';
import { TIMER_MAIN, type RaftNodeView } from '../../../src/core/raft/types';
import { raftProtocol } from '../../../src/core/raft/protocol';

const node = (over: Partial<RaftNodeView>): RaftNodeView => ({
  id: 2, alive: true, role: 'follower', term: 4, votedFor: 0, leader: 0, commitIndex: 0, lastIndex: 0, logStart: 1, logTerms: [], logValues: [], nextIndex: [], matchIndex: [], votes: [], ...over,
});

describe('the view registry', () => {
  it('gives Raft its view', () => {
    const r = viewFor('raft');
    expect(r.ok && r.view).toBe(raftView);
  });

  it('returns a problem, never Raft’s view and never a throw, for a protocol without one', () => {
    for (const name of ['paxos', '', 'toString', '__proto__']) {
      const r = viewFor(name);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.problem).toEqual({ code: 'noView', detail: name });
    }
    const r = viewFor('paxos');
    if (r.ok) throw new Error('expected a problem');
    expect(problemText(r.problem, dict('en'))).toBe('This app has no view for protocol “paxos”: it runs, but cannot be drawn.');
    expect(problemText(r.problem, dict('zh'))).toContain('“paxos”');
  });

  it('asks the protocol who leads: none for a protocol without a view', () => {
    expect(viewLeads('raft', node({ role: 'leader', term: 7 }))).toBe(7);
    expect(viewLeads('raft', node({ role: 'leader', term: 7, alive: false }))).toBeNull();
    expect(viewLeads('raft', node({ role: 'candidate' }))).toBeNull();
    expect(viewLeads('zab', node({ role: 'leader' }))).toBeNull();
  });

  it('declares a view for every view it registers by its own protocol name', () => {
    for (const v of allViews()) expect(viewFor(v.protocol).ok).toBe(true);
  });
});

describe('Raft’s view', () => {
  it('says the era in Raft’s words', () => {
    const en = raftView.nodeInfo(node({ term: 4 }), dict('en'), 'en', 3);
    expect([en.era, en.eraLabel]).toEqual([4, 'term 4']);
    expect(raftView.nodeInfo(node({ term: 4 }), dict('zh'), 'zh', 3).eraLabel).toBe('任期 4');
    expect(raftView.dict('en').leaderAnnounce('n3', '4')).toBe('n3 is now the leader of term 4');
  });

  it('draws the election timeout as one arc on followers and candidates, none on a leader or a down node', () => {
    expect(raftView.arcs(node({ role: 'follower' }))).toEqual([{ slot: TIMER_MAIN, kind: 'timer' }]);
    expect(raftView.arcs(node({ role: 'candidate' }))).toHaveLength(1);
    expect(raftView.arcs(node({ role: 'leader' }))).toEqual([]);
    expect(raftView.arcs(node({ alive: false, role: 'down' }))).toEqual([]);
  });

  it('draws every mark kind the protocol makes, and every kind of message its core names', () => {
    expect(Object.keys(raftView.marks).sort()).toEqual([...raftProtocol.markKinds].sort());
    for (const m of Object.values(raftView.marks)) expect(m.symbol).not.toBe('');
    for (let kind = 1; kind <= 9; kind++) expect(raftView.glyphs[raftView.kindGlyph(kind)], `kind ${kind}`).toBeDefined();
    expect(raftView.kindGlyph(99)).toBe('other');
  });
});
