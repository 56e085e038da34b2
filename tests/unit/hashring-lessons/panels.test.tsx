/**
 * The lesson panels drawn from real experiment results: the detector chart has one line per
 * heartbeat interval and detector and one mark per detected cell, ordered by the setting; the
 * ZooKeeper-beside-the-ring bars carry each server's and node's count; both in both languages;
 * only the two lessons that have a panel get one.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/sim/experiments';
import type { DetectorResult } from '../../../src/sim/experiments/detector';
import type { ReplicationResult } from '../../../src/sim/experiments/replication';
import { DetectorFigure, detectorSeries } from '../../../src/ui/hashring/lessons/DetectorChart';
import { ReplicationFigure } from '../../../src/ui/hashring/lessons/ReplicationChart';
import { LESSON_PANEL_DICT } from '../../../src/ui/hashring/lessons/panel-i18n';
import { hasLessonPanel } from '../../../src/ui/lessonPanels';
import { LESSONS } from '../../../src/store/lessons';

const small = runExperiment('detector', { heartbeatsMs: [100, 250], timeoutFactors: [2, 4], phiThresholds: [2, 8], durationMs: 20_000, crashes: 2 }) as DetectorResult;

describe('detector chart', () => {
  it('one line per (detector, heartbeat), its points in setting order, undetected cells left out', () => {
    const series = detectorSeries(small);
    expect(series.map((s) => `${s.detector}-${s.heartbeatMs}`)).toEqual(['timeout-100', 'timeout-250', 'phi-100', 'phi-250']);
    for (const s of series) {
      for (let i = 1; i < s.points.length; i++) expect(s.points[i].setting).toBeGreaterThan(s.points[i - 1].setting);
      for (const p of s.points) expect(p.detectMeanMs).not.toBeNull();
    }
    const none = { ...small, points: small.points.map((p, i) => (i === 0 ? { ...p, detectMeanMs: null } : p)) };
    expect(detectorSeries(none)[0].points).toHaveLength(detectorSeries(small)[0].points.length - 1);
  });

  it.each([['en'], ['zh']] as const)('renders every measured point with its axis labels (%s)', (lang) => {
    const html = renderToStaticMarkup(<DetectorFigure r={small} lang={lang} />);
    const t = LESSON_PANEL_DICT[lang];
    const detected = small.points.filter((p) => p.detectMeanMs !== null);
    expect(html).toContain(`data-points="${detected.length}"`);
    expect((html.match(/<circle /g) ?? []).length).toBe(detected.filter((p) => p.detector === 'timeout').length);
    expect((html.match(/<rect /g) ?? []).length).toBe(detected.filter((p) => p.detector === 'phi').length);
    expect((html.match(/data-series=/g) ?? []).length).toBe(4);
    for (const s of [t.detectorTitle, t.detectorX, t.detectorY, t.detectorSeries('phi', 250)]) expect(html).toContain(s.replace(/&/g, '&amp;'));
  });
});

describe('ZooKeeper beside the ring', () => {
  const r = runExperiment('replication', undefined) as ReplicationResult;

  it.each([['en'], ['zh']] as const)('a bar per server and per node, with its count of the writes (%s)', (lang) => {
    const html = renderToStaticMarkup(<ReplicationFigure r={r} lang={lang} />);
    for (const z of r.zab) expect(html).toContain(`data-id="${z.id}" data-count="${z.txns}"`);
    for (const x of r.ring) expect(html).toContain(`data-id="${x.id}" data-count="${x.keys}"`);
    expect(html).toContain(LESSON_PANEL_DICT[lang].replicationZab(r.nodes));
  });
});

it('only the detector and not-ZooKeeper lessons have a panel of their own', () => {
  expect(LESSONS.filter(hasLessonPanel)).toEqual(['ring-detector', 'ring-not-zookeeper']);
});
