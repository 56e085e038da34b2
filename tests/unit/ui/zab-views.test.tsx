/**
 * ZAB's state views from hand-made server views: the vote table (a real table with
 * headers; the comparison a notification decided, on the row of the server that decided
 * it; received votes with ✓ where they equal the server's own), the zxid ledger (one column
 * per zxid, epoch bands, proposed vs committed, removed entries struck out; data-entry and
 * data-zxid per entry), and the node's page contract (data-role, data-epoch, data-zxid,
 * an accessible name with every word drawn on the node).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ZabMsgKind, ZabNotes, zxidOf } from '../../../src/core/zab/types';
import { dict } from '../../../src/ui/i18n';
import { VoteTable, agreeing } from '../../../src/ui/zab/VoteTable';
import { ZxidLedger, ledgerColumns, epochBands, leaving, leavingOpacity, LEAVE_MS } from '../../../src/ui/zab/ZxidLedger';
import { ZabNodeShape } from '../../../src/ui/zab/ZabNodeShape';
import { zabView } from '../../../src/ui/zab/view';
import { stageText } from '../../../src/ui/stage/geometry';
import { deliverRow, entries, note, zabNode } from './zab-fixtures';

/** The text of the element whose opening tag matches `open`, up to its closing `</tag>` (no nesting of the same tag). */
function element(html: string, open: RegExp, tag: string): string {
  const m = open.exec(html);
  if (!m) return '';
  const start = m.index;
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end + tag.length + 3);
}
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

describe('the vote table', () => {
  // n1 has just adopted n2's vote: n2's zxid 0x200000003 is newer than n1's 0x200000001.
  const nodes = [
    zabNode(1, {
      round: 3,
      vote: { leader: 2, zxid: zxidOf(2, 3), epoch: 2 },
      received: [
        { sid: 1, leader: 2, zxid: zxidOf(2, 3), epoch: 2, round: 3, state: 'looking' },
        { sid: 2, leader: 2, zxid: zxidOf(2, 3), epoch: 2, round: 3, state: 'looking' },
        { sid: 3, leader: 3, zxid: zxidOf(2, 1), epoch: 2, round: 3, state: 'looking' },
      ],
    }),
    zabNode(2, { round: 3, vote: { leader: 2, zxid: zxidOf(2, 3), epoch: 2 } }),
    zabNode(3, { round: 2, vote: { leader: 3, zxid: zxidOf(2, 1), epoch: 2 } }),
    zabNode(4, { role: 'down', phase: null }),
    zabNode(5, { role: 'following', phase: 'broadcast', outOfElection: [{ sid: 2, leader: 2, zxid: zxidOf(2, 3), epoch: 2, round: 3, state: 'leading' }] }),
  ];
  const event = deliverRow(1, 2, ZabMsgKind.Notification, [
    note(ZabNotes.AdoptByZxid, 1, { from: 2, leader: 2, theirs: zxidOf(2, 3), ours: zxidOf(2, 1) }),
    note(ZabNotes.Logged, 1, { zxid: 1 }),
  ]);

  it('is a table with column and row headers, one row per server', () => {
    const html = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="en" />);
    expect(html.startsWith('<table')).toBe(true);
    expect(html).toContain('<caption');
    expect(html.match(/<th scope="col"/g)?.length).toBe(7);
    expect(html).toContain('scope="colgroup"');
    // One row header per server, and one for the line saying what n1 just decided.
    expect(html.match(/<th scope="row"/g)?.length).toBe(6);
    for (const h of ['server', 'state', 'round', 'current vote', 'for', 'zxid', 'epoch', 'votes received']) expect(text(html)).toContain(h);
  });

  it('shows state, round and the current vote with its zxid as epoch:counter', () => {
    const html = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="en" />);
    const row1 = text(element(html, /<tr data-node-row="1"/, 'tr'));
    expect(row1).toContain('LOOKING');
    expect(row1).toMatch(/LOOKING3n22:32/);
    const row5 = text(element(html, /<tr data-node-row="5"/, 'tr'));
    expect(row5).toContain('FOLLOWING');
    expect(text(element(html, /<tr data-node-row="4"/, 'tr'))).toContain('down');
  });

  it('puts the comparison right under the row of the server that decided it, and only election steps', () => {
    const html = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="en" />);
    const row1 = element(html, /<tr data-node-row="1"/, 'tr');
    expect(row1).toContain('acting');
    const after1 = html.slice(html.indexOf(row1) + row1.length);
    expect(after1.startsWith('<tr class="vote-decision-row" data-decision-of="1">')).toBe(true);
    expect(text(element(after1, /<tr class="vote-decision-row"/, 'tr'))).toBe('↳what n1 decided at this frame0x200000003 > 0x200000001 → adopt n2');
    expect(text(element(html, /<tr data-node-row="2"/, 'tr'))).not.toContain('adopt');
    expect(html.match(/data-testid="vote-decision"/g)?.length).toBe(1);
    const zh = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="zh" />);
    expect(text(zh)).toContain('0x200000003 > 0x200000001 → 采纳 n2');
    expect(text(zh)).toContain('选举中 LOOKING');
    // Another frame: the comparison is gone.
    const later = renderToStaticMarkup(<VoteTable nodes={nodes} event={null} lang="en" />);
    expect(later).not.toContain('adopt n2');
  });

  it('lists received votes, ✓ on those equal to the server’s own, the one just arrived marked, and the tally', () => {
    const html = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="en" />);
    const row1 = element(html, /<tr data-node-row="1"/, 'tr');
    expect(row1.match(/<li class="vote-chip/g)?.length).toBe(3);
    expect(row1.match(/<li class="vote-chip same/g)?.length).toBe(2);
    expect(row1).toMatch(/class="vote-chip same arrived" data-from="2"/);
    expect(text(row1)).toContain('n3→n3');
    expect(row1).toContain('title="n3 votes for n3: zxid 0x200000001, epoch 2, round 3, LOOKING"');
    expect(text(row1)).toContain('2 agree · quorum 3');
    expect(agreeing(nodes[0])).toBe(2);
    // Its own vote counts when the recvset does not hold it.
    expect(agreeing(zabNode(2, { received: [{ sid: 1, leader: 2, zxid: zxidOf(1, 2), epoch: 1, round: 1, state: 'looking' }], vote: { leader: 2, zxid: zxidOf(1, 2), epoch: 1 } }))).toBe(2);
    // A follower shows the votes it heard from outside the election.
    expect(text(element(html, /<tr data-node-row="5"/, 'tr'))).toContain('n2→n2');
  });
});

describe('the zxid ledger', () => {
  // n1 leads epoch 2 after a TRUNC of n3's dead-epoch proposal 0x100000003.
  const nodes = [
    zabNode(1, {
      role: 'leading',
      phase: 'broadcast',
      currentEpoch: 2,
      history: [...entries(1, [1, 2], 2), ...entries(2, [1, 2], 1)],
      learners: [
        { sid: 2, stage: 'serving', sync: 'diff', ackedZxid: zxidOf(2, 2), heardAt: 0 },
        { sid: 3, stage: 'serving', sync: 'trunc', ackedZxid: zxidOf(2, 2), heardAt: 0 },
      ],
    }),
    zabNode(2, { role: 'following', phase: 'broadcast', history: [...entries(1, [1, 2], 2), ...entries(2, [1], 1)] }),
    zabNode(3, { role: 'following', phase: 'broadcast', history: entries(1, [1, 2], 2), truncated: [{ zxid: zxidOf(1, 3), value: 'lost' }], truncatedAt: 900 }),
  ];

  it('has one column per zxid any server holds or just removed, in epoch bands', () => {
    const cols = ledgerColumns(nodes, 1000);
    expect(cols.map((c) => `${c.epoch}:${c.counter}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '2:2']);
    expect(epochBands(cols)).toEqual([
      { epoch: 1, span: 3 },
      { epoch: 2, span: 2 },
    ]);
    const html = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={1000} lang="en" />);
    expect(html).toMatch(/<th scope="colgroup" colSpan="3" class="ledger-band" data-epoch="1"[^>]*>epoch 1</);
    expect(html).toMatch(/colSpan="2" class="ledger-band" data-epoch="2"/);
  });

  it('gives each entry data-entry NODE:INDEX and data-zxid 0x…, committed filled, proposed hollow, each said in words', () => {
    const html = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={1000} lang="en" />);
    expect(html).toMatch(/class="ledger-cell committed" data-entry="1:3" data-zxid="0x200000001" data-committed="true"/);
    expect(html).toMatch(/class="ledger-cell proposed" data-entry="1:4" data-zxid="0x200000002" data-committed="false"/);
    expect(html.match(/data-entry="/g)?.length).toBe(4 + 3 + 2);
    expect(html).toMatch(/data-entry="1:4"[^>]*title="0x200000002 \(epoch:counter 2:2\): v2.2 · proposed"/);
    expect(html).toContain('<span class="sr-only"> committed</span>');
    expect(html).toContain('<span class="sr-only"> proposed</span>');
  });

  it('shows the entries TRUNC removed struck out in their column, not as history', () => {
    const html = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={1000} lang="en" />);
    const row3 = element(html, /<tr class="[^"]*" data-node-row="3"/, 'tr');
    expect(row3).toMatch(/class="ledger-cell removed" data-removed="3:0x100000003" data-zxid="0x100000003" data-truncated-at="900"/);
    expect(row3).toContain('<s>3</s>');
    expect(row3).not.toMatch(/data-entry="3:3"/);
    expect(text(row3)).toContain('removed');
    const zh = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={1000} lang="zh" />);
    expect(text(zh)).toContain('已移除');
    expect(text(zh)).toContain('纪元 2');
  });

  it('fades the removed entries out by virtual time, and drops them once they have left', () => {
    expect(leavingOpacity(900, 900)).toBe(1);
    expect(leavingOpacity(900, 900 + LEAVE_MS / 2)).toBeCloseTo(0.65);
    expect(leaving(nodes[2], 899)).toEqual([]);
    expect(leaving(nodes[2], 900 + LEAVE_MS)).toHaveLength(1);
    expect(leaving(nodes[2], 901 + LEAVE_MS)).toEqual([]);
    const gone = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={901 + LEAVE_MS} lang="en" />);
    expect(gone).not.toContain('data-removed');
    expect(ledgerColumns(nodes, 901 + LEAVE_MS)).toHaveLength(4);
  });

  it('says the leader’s sync choice beside each follower', () => {
    const html = renderToStaticMarkup(<ZxidLedger nodes={nodes} time={1000} lang="en" />);
    expect(text(element(html, /<tr class="[^"]*" data-node-row="3"/, 'tr'))).toContain('TRUNC');
    expect(text(element(html, /<tr class="[^"]*" data-node-row="2"/, 'tr'))).toContain('DIFF');
  });
});

describe('a ZAB server on the stage', () => {
  const t = dict('en');
  const leader = zabNode(3, { role: 'leading', phase: 'synchronization', currentEpoch: 2, acceptedEpoch: 2, lastZxid: zxidOf(2, 0) });

  it('exposes the page contract: role, epoch, last zxid', () => {
    const info = zabView.nodeInfo(leader, t, 'en');
    expect(info.role).toBe('leading');
    expect(info.leader).toBe(true);
    expect(info.data).toMatchObject({ epoch: 2, zxid: '0x200000000' });
    expect(zabView.nodeInfo(zabNode(1, { role: 'down', phase: null }), t, 'en')).toMatchObject({ role: 'down', alive: false, leader: false });
  });

  it('draws the state, the epoch and the phase, and its name says them in order', () => {
    const info = zabView.nodeInfo(leader, t, 'en');
    expect(info.name).toBe('Node 3, leading, epoch 2, sync');
    const svg = renderToStaticMarkup(
      <svg>
        <ZabNodeShape node={leader} info={info} r={30} t={t} text={stageText(false, false)} />
      </svg>,
    );
    const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((w) => w && w !== '★');
    expect(words).toEqual(['3', 'leading', 'epoch 2', 'sync']);
    expect(svg).toContain('data-phase="synchronization"');
    const zh = zabView.nodeInfo(leader, dict('zh'), 'zh');
    expect(zh.name).toBe('节点 3，领导中，纪元 2，同步');
    expect(zh.roleLabel).toBe('领导中');
  });

  it('shows the election timer only while LOOKING: the notification back-off, then finalizeWait', () => {
    expect(zabView.arcs(zabNode(1, { waitingFor: 'notification' }))).toEqual([{ slot: 0, kind: 'notificationArc' }]);
    expect(zabView.arcs(zabNode(1, { waitingFor: 'finalize' }))).toEqual([{ slot: 0, kind: 'finalizeArc' }]);
    expect(zabView.arcs(leader)).toEqual([]);
  });

  it('leads its epoch only while LEADING', () => {
    expect(zabView.leads(leader)).toBe(2);
    expect(zabView.leads(zabNode(1, { role: 'following' }))).toBeNull();
    expect(zabView.dict('en').leaderAnnounce('n3', '2')).toBe('n3 is now the leader of epoch 2');
  });

  it('lists what the model leaves out, in both languages', () => {
    expect(zabView.dict('en').simplifications.join(' ')).toContain('FIFO');
    expect(zabView.dict('zh').simplifications.join(' ')).toContain('快照');
    expect(zabView.dict('zh').logTab).toBe('选票与 zxid');
  });
});

describe('the vote table in an embed', () => {
  const nodes = [1, 2, 3, 4, 5].map((id) =>
    zabNode(id, { received: [1, 2, 3, 4, 5].map((sid) => ({ sid, leader: 5, zxid: zxidOf(1, 2), epoch: 1, round: 1, state: 'looking' as const })), vote: { leader: 5, zxid: zxidOf(1, 2), epoch: 1 } }),
  );
  const event = deliverRow(1, 5, ZabMsgKind.Notification, [note(ZabNotes.AdoptBySid, 1, { from: 5, leader: 5, theirs: 5, ours: 4 })]);

  it('drops the state column (the stage shows it beside) and says the tally short, the decision spanning the row', () => {
    const html = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="zh" compact />);
    expect(html).toContain('class="vote-table compact"');
    expect(html).not.toContain('>状态<');
    expect(text(html)).not.toContain('LOOKING');
    expect(html.match(/<th scope="col"/g)?.length).toBe(6);
    expect(text(html)).toContain('5/3 票');
    expect(html).toContain('title="5 票一致 · 法定人数 3"');
    expect(html).toMatch(/<td colSpan="5" class="vote-decision" data-testid="vote-decision">zxid 相同，sid 5 &gt; 4 → 采纳 n5<\/td>/);
    const full = renderToStaticMarkup(<VoteTable nodes={nodes} event={event} lang="zh" />);
    expect(full).toMatch(/<td colSpan="6" class="vote-decision"/);
  });
});
