/**
 * The stage's pure pieces: glyph names per kind and answer, the fitted viewBox (every node
 * and the labels under it inside; a minimum extent centred), label sizes per layout, and
 * the log grid's columns (every index the worker sent, from the oldest window start).
 */
import { describe, expect, it } from 'vitest';
import { circleLayout, fitViewBox, labelHalfWidth, NODE_R, stageText, underNode } from '../../../src/ui/stage/geometry';
import { glyphName } from '../../../src/ui/stage/glyphs';
import { RAFT_GLYPHS } from '../../../src/ui/raft/glyphs';
import { logColumns } from '../../../src/ui/raft/RaftLog';

describe('glyph names', () => {
  it('differ for every kind and answer, PreVote included, with the data-glyph names the page has always had', () => {
    const G = RAFT_GLYPHS;
    const names = [
      glyphName({ glyph: 'heartbeat' }, G),
      glyphName({ glyph: 'request-vote' }, G),
      glyphName({ glyph: 'prevote' }, G),
      glyphName({ glyph: 'vote-reply', verdict: true }, G),
      glyphName({ glyph: 'vote-reply', verdict: false }, G),
      glyphName({ glyph: 'prevote-reply', verdict: true }, G),
      glyphName({ glyph: 'prevote-reply', verdict: false }, G),
      glyphName({ glyph: 'append' }, G),
      glyphName({ glyph: 'append-reply', verdict: true }, G),
      glyphName({ glyph: 'append-reply', verdict: false }, G),
      glyphName({ glyph: 'client-request' }, G),
      glyphName({ glyph: 'client-reply', verdict: true }, G),
      glyphName({ glyph: 'client-reply', verdict: false }, G),
    ];
    expect(names).toEqual([
      'heartbeat', 'request-vote', 'prevote', 'vote-granted', 'vote-denied', 'prevote-granted', 'prevote-denied',
      'append', 'append-accepted', 'append-rejected', 'client-request', 'client-reply-ok', 'client-reply-failed',
    ]);
  });

  it('names a kind the table does not know by itself, and draws it as the shared fallback', () => {
    expect(glyphName({ glyph: 'mystery' }, RAFT_GLYPHS)).toBe('mystery');
    expect(glyphName({ glyph: 'proposal' }, { proposal: { shape: 'square', fill: 'era', label: 'P' } })).toBe('proposal');
  });

  it('lets a protocol give 16 kinds 16 distinct shape-and-label pairs (never colour alone)', () => {
    const shapes = ['dot', 'circle', 'diamond', 'square', 'triangle', 'wye', 'hexagon', 'star', 'cross', 'bar'] as const;
    const table = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, { shape: shapes[i % shapes.length], fill: 'era' as const, label: `L${i}` }]));
    const looks = Object.values(table).map((s) => `${s.shape}/${s.label}`);
    expect(new Set(looks).size).toBe(16);
    for (const k of Object.keys(table)) expect(glyphName({ glyph: k }, table)).toBe(k);
  });
});

describe('stage layout', () => {
  for (const count of [3, 5, 7]) {
    for (const embed of [false, true]) {
      it(`${count} nodes (${embed ? 'embed' : 'full'}): the viewBox holds every node and its labels`, () => {
        const text = stageText(embed, false);
        const layout = circleLayout(count);
        const vb = fitViewBox(layout, text);
        const below = underNode(NODE_R, text).bottom;
        const hw = labelHalfWidth(text);
        for (const p of layout.values()) {
          expect(p.x - hw).toBeGreaterThanOrEqual(vb.x);
          expect(p.x + hw).toBeLessThanOrEqual(vb.x + vb.w);
          expect(p.y - NODE_R).toBeGreaterThanOrEqual(vb.y);
          expect(p.y + below).toBeLessThanOrEqual(vb.y + vb.h);
        }
      });
    }
  }

  it('a minimum extent is centred on the drawing', () => {
    const layout = circleLayout(3);
    const tight = fitViewBox(layout, stageText(false, false));
    const roomy = fitViewBox(layout, stageText(false, false), { w: tight.w + 100, h: tight.h + 60 });
    expect(roomy.w).toBe(tight.w + 100);
    expect(roomy.x + roomy.w / 2).toBeCloseTo(tight.x + tight.w / 2);
    expect(roomy.y + roomy.h / 2).toBeCloseTo(tight.y + tight.h / 2);
  });

  it('an embed’s labels are larger in stage units, large type larger still', () => {
    const full = stageText(false, false);
    const embed = stageText(true, false);
    const large = stageText(false, true);
    expect(embed.label).toBeGreaterThan(full.label);
    expect(large.label / full.label).toBeGreaterThanOrEqual(1.5);
  });
});

describe('log columns', () => {
  it('run from the oldest index any window holds to the newest, at least eight', () => {
    expect(logColumns([{ logStart: 1, lastIndex: 0, logTerms: [] }])).toEqual({ first: 1, last: 8 });
    const nodes = [
      { logStart: 45, lastIndex: 300, logTerms: new Array(256).fill(1) },
      { logStart: 1, lastIndex: 20, logTerms: new Array(20).fill(1) },
    ];
    expect(logColumns(nodes)).toEqual({ first: 1, last: 300 });
    expect(logColumns([nodes[0]])).toEqual({ first: 45, last: 300 });
  });
});
