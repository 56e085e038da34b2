/**
 * ZooKeeper's narration: every server note (ZabZkNotes, 100–121) and client note
 * (ZK_CLIENT_NOTES, 1000–1017) has a sentence in English and Chinese that says each of its
 * arguments (sessions and zxids as 0x…, errors and events by name, lock nodes by name);
 * a real run of zk-basic reads row by row with the right client, server, path and session;
 * and the Chinese dictionary has no English sentence left in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZK_CLIENT_NOTES, ZkLoss } from '../../../src/core/coord/zookeeper/client';
import { sessionHex, ZK_ERROR_CODES } from '../../../src/core/coord/zookeeper/types';
import { ZabNotes, ZabZkNotes, ZK_EVENT_CODES, zxidOf, zxidHex } from '../../../src/core/zab/types';
import { EventType, type EventRow, type FrameView } from '../../../src/sim/api';
import { SimSession } from '../../../src/sim/session';
import { fmtTime } from '../../../src/ui/i18n';
import { isZkNote, lockNodeName, narrateZkNote, zkHeadline, ZK_NOTE_CODES } from '../../../src/ui/coord/zookeeper/narrate';
import { allZkNarrateDicts, zkNarrateEn } from '../../../src/ui/coord/zookeeper/narrate-i18n';
import { narrateParts } from '../../../src/ui/zab/narrate';
import { zabView } from '../../../src/ui/zab/view';
import { note } from './zab-fixtures';

const LANGS = ['en', 'zh'] as const;
const SERVER_NOTES = Object.entries(ZabZkNotes);
const CLIENT_NOTES = Object.entries(ZK_CLIENT_NOTES);
const BAD = /undefined|NaN|\[object|decision \d|决定 \d/;

/** Fields that name a server (n…) or a client (c…). */
const SERVER_FIELDS = new Set(['server', 'leader', 'owner', 'previous', 'to']);
/** Flags that pick the sentence rather than being said. */
const FLAGS = new Set(['valid', 'expired', 'answered', 'timedOut', 'refused', 'why']);
const isZxid = (kind: string, f: string) => /zxid/i.test(f) || f === 'applied' || (kind === 'ConnectRefusedBehind' && (f === 'theirs' || f === 'ours'));

/** Distinct values per field, so a sentence that says the wrong one is caught. */
function sample(kind: string, fields: readonly string[]): Record<string, number> {
  const f: Record<string, number> = {};
  fields.forEach((name, i) => {
    if (name === 'client') f[name] = 1002;
    else if (SERVER_FIELDS.has(name)) f[name] = 2 + i;
    else if (name === 'session') f[name] = 0x300000007;
    else if (isZxid(kind, name)) f[name] = zxidOf(2 + i, 3 + i);
    else if (name === 'event') f[name] = ZK_EVENT_CODES.NodeChildrenChanged;
    else if (name === 'error') f[name] = ZK_ERROR_CODES.BadVersion;
    else if (name === 'why') f[name] = ZkLoss.ReadTimeout;
    else if (name === 'valid' || name === 'expired' || name === 'answered' || name === 'timedOut' || name === 'refused') f[name] = 1;
    else if (name === 'expireAt' || name === 'untilMs') f[name] = 10200 + i;
    else if (name === 'seq' || name === 'predecessor') f[name] = 3 - i;
    else if (name === 'previous') f[name] = 1;
    else f[name] = 11 + i * 7;
  });
  // Revalidated: a session that moves says both owners.
  if (kind === 'Revalidated') f.previous = 1;
  return f;
}

function said(kind: string, name: string, value: number, lang: 'en' | 'zh'): string {
  if (name === 'client') return `c${value - 1000}`;
  if (SERVER_FIELDS.has(name)) return `n${value}`;
  if (name === 'session') return sessionHex(value);
  if (isZxid(kind, name)) return zxidHex(value);
  if (name === 'event') return 'NodeChildrenChanged';
  if (name === 'error') return 'BadVersion';
  if (name === 'expireAt' || name === 'untilMs') return fmtTime(value, lang);
  if (name === 'seq' || name === 'predecessor') return lockNodeName(value);
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(value);
}

describe('ZooKeeper’s decision notes', () => {
  it('narrates exactly the servers’ codes 100–121 and the client’s 1000–1017', () => {
    const codes = [...SERVER_NOTES, ...CLIENT_NOTES].map(([, s]) => s.code).sort((a, b) => a - b);
    expect(codes).toEqual([...Array.from({ length: 22 }, (_, i) => 100 + i), ...Array.from({ length: 18 }, (_, i) => 1000 + i)]);
    expect([...ZK_NOTE_CODES].sort((a, b) => a - b)).toEqual(codes);
    expect(isZkNote(ZabNotes.Committed.code)).toBe(false);
    expect(narrateZkNote(note(ZabNotes.Committed, 1, { zxid: 5, acks: 2 }), 'en')).toBeNull();
  });

  for (const [kind, spec] of [...SERVER_NOTES, ...CLIENT_NOTES]) {
    it(`says ${kind} (${spec.code}) in both languages, with every argument`, () => {
      const f = sample(kind, spec.fields);
      const at = spec.code >= 1000 ? 1004 : 5;
      const row = note(spec, at, f);
      for (const lang of LANGS) {
        const text = narrateZkNote(row, lang);
        expect(text, `${lang} ${kind}`).not.toBeNull();
        // Through ZAB's narrator too (the delegation): the same sentence.
        expect(zabView.narrateParts({ ...rowOf(at), notes: [row] }, lang).details[0]).toBe(text);
        expect(text).not.toMatch(BAD);
        expect(text, `${lang} ${kind}: who decided`).toContain(at >= 1000 ? 'c4' : 'n5');
        if (lang === 'zh') expect(text).toMatch(/[\u4e00-\u9fff]/);
        for (const name of spec.fields) {
          if (FLAGS.has(name)) continue;
          expect(text, `${lang} ${kind}.${name}`).toContain(said(kind, name, f[name], lang));
        }
      }
    });
  }

  it('words each flag’s two cases differently, and each reason a connection ended', () => {
    const pairs: [typeof ZabZkNotes.Revalidated | typeof ZabZkNotes.SessionEnded | typeof ZK_CLIENT_NOTES.ZkClosed | typeof ZK_CLIENT_NOTES.ZkResumed | typeof ZK_CLIENT_NOTES.ZkRefused, string][] = [
      [ZabZkNotes.Revalidated, 'valid'],
      [ZabZkNotes.SessionEnded, 'expired'],
      [ZK_CLIENT_NOTES.ZkClosed, 'answered'],
      [ZK_CLIENT_NOTES.ZkResumed, 'timedOut'],
      [ZK_CLIENT_NOTES.ZkRefused, 'refused'],
    ];
    for (const [spec, flag] of pairs) {
      const f = sample(spec.name, spec.fields);
      for (const lang of LANGS) {
        const one = narrateZkNote(note(spec, 1001, { ...f, [flag]: 1 } as never), lang);
        const other = narrateZkNote(note(spec, 1001, { ...f, [flag]: flag === 'refused' ? 2 : 0 } as never), lang);
        expect(one, `${spec.name} ${lang}`).not.toBe(other);
      }
    }
    const reasons = new Set<string>();
    for (const why of Object.values(ZkLoss)) {
      const text = narrateZkNote(note(ZK_CLIENT_NOTES.ZkConnectionLost, 1001, { server: 2, why, idleMs: 2100, failed: 0 }), 'en')!;
      expect(text).toMatch(/^c1 loses its connection to n2: /);
      reasons.add(text);
    }
    expect(reasons.size).toBe(Object.values(ZkLoss).length);
    expect(narrateZkNote(note(ZK_CLIENT_NOTES.ZkConnectionLost, 1001, { server: 2, why: ZkLoss.ReadTimeout, idleMs: 2100, failed: 2 }), 'en')).toContain('2 request(s) in flight fail with ConnectionLoss');
    // A new session is said as one, not as session 0x0.
    expect(narrateZkNote(note(ZabZkNotes.ConnectRefusedNotServing, 2, { client: 1001, session: 0 }), 'en')).toContain('(a new session)');
    expect(narrateZkNote(note(ZK_CLIENT_NOTES.ZkConnecting, 1001, { server: 1, session: 0, lastZxid: 0, watches: 0 }), 'zh')).toBe('c1 向 n1 发送 ConnectRequest，请求新会话');
  });

  it('says ZAB’s notes about session txns as such: a createSession and an expiry’s closeSession', () => {
    const expiry = narrateParts({ ...rowOf(3), notes: [note(ZabNotes.Proposed, 3, { zxid: zxidOf(1, 11), client: 0, request: 0 })] }, 'en').details[0];
    expect(expiry).toBe('n3 proposes 0x10000000b: the closeSession of a session it expired, a PROPOSAL to every follower');
    const create = narrateParts({ ...rowOf(3), notes: [note(ZabNotes.Proposed, 3, { zxid: zxidOf(1, 1), client: 1003, request: 0 })] }, 'zh').details[0];
    expect(create).toBe('n3 提议 0x100000001：c3 的 createSession，向每个跟随者发送 PROPOSAL');
    const fwd = narrateParts({ ...rowOf(1), notes: [note(ZabNotes.Forwarded, 1, { client: 1001, request: 0, leader: 3 })] }, 'en').details[0];
    expect(fwd).toContain('c1’s createSession to its leader n3');
    // A client's own write keeps ZAB's sentence.
    const write = narrateParts({ ...rowOf(1), notes: [note(ZabNotes.Forwarded, 1, { client: 1001, request: 4, leader: 3 })] }, 'en').details[0];
    expect(write).toBe('n1 forwards c1’s write (request 4) to its leader n3');
  });
});

function rowOf(node: number, over: Partial<EventRow> = {}): EventRow {
  return { frame: 9, time: 100, type: EventType.Timer, node, peer: 0, kind: 7, fate: 0, action: null, notes: [], notable: true, ...over };
}

describe('a real run of zk-basic, row by row', () => {
  const raw = JSON.parse(readFileSync(new URL('../../../public/scenarios/zk-basic.json', import.meta.url), 'utf8'));
  const s = new SimSession();
  expect(s.load(raw).ok).toBe(true);
  const end: FrameView = s.advanceTo(raw.until, 1_000_000);
  const rows: EventRow[] = [];
  for (let f = 1; f <= end.frame; f += 500) rows.push(...s.events(f, Math.min(end.frame, f + 499)));
  const zkRows = rows.filter((r) => r.action?.do === 'client' || r.node > 1000 || r.peer > 1000 || r.notes.some((n) => isZkNote(n.code)));
  const en = (r: EventRow, frame: FrameView | null = end) => narrateParts(r, 'en', frame);
  const zh = (r: EventRow, frame: FrameView | null = end) => narrateParts(r, 'zh', frame);
  const withNote = (code: number, node?: number) => rows.filter((r) => r.notes.some((n) => n.code === code && (node === undefined || n.node === node)));

  it('has over 150 client-frame rows, every one narrated without a gap, a raw code or a generic headline', () => {
    expect(rows.length).toBe(end.frame);
    expect(zkRows.length).toBeGreaterThan(150);
    for (const r of zkRows) {
      for (const [lang, p] of [
        ['en', en(r)],
        ['zh', zh(r)],
        ['en (no frame)', en(r, null)],
      ] as const) {
        const all = [p.headline, ...p.details].join(' | ');
        expect(all, `${lang} #${r.frame}`).not.toMatch(BAD);
        expect(p.headline, `${lang} #${r.frame}`).not.toMatch(/#\d|client reply|client request|’s timer fired|timed out waiting/);
        if (lang === 'zh') expect(p.headline).toMatch(/[\u4e00-\u9fff]/);
      }
      if (r.node > 1000 || r.action?.do === 'client') expect(zkHeadline(r, 'en', null), `#${r.frame}`).not.toBeNull();
    }
  });

  it('says each op a client invokes with its arguments, and an op its dead handle answers at once', () => {
    const invoked = rows.filter((r) => r.action?.do === 'client').map((r) => en(r).headline);
    expect(invoked).toContain('c1 calls connect, asking for a 3,000 ms session timeout');
    expect(invoked).toContain('c1 calls create /config "v1" (persistent)');
    expect(invoked).toContain('c2 calls getData /config, leaving a watch');
    expect(invoked).toContain('c3 calls exists /config, leaving a watch');
    expect(invoked).toContain('c1 calls setData /config "v3" (version 0)');
    expect(invoked).toContain('c2 asks for the lock /lock');
    expect(invoked).toContain('c1 pauses for 6,000 ms');
    expect(invoked).toContain('c2 releases the lock /lock');
    // After its session expired, c1's handle fails a read itself.
    expect(invoked).toContain('c1 calls getData /config: answered at once, SessionExpired');
    expect(zh(rows.find((r) => r.action?.do === 'client' && r.action.op === 'unlock')!).headline).toBe('c2 释放锁 /lock');
  });

  it('names the op a server reads from a client and the zxid it serves it at', () => {
    const served = withNote(ZabZkNotes.ReadServed.code, 2).find((r) => r.time < 1700)!;
    expect(en(served).headline).toBe('n2 gets c2’s getData /config');
    expect(en(served).details[0]).toMatch(/^n2 serves c2’s getData \/config locally, from its own tree at zxid 0x100000005/);
    expect(zh(served).details[0]).toContain('c2 的 getData /config');
    // Without the records, it says only what the note knows.
    expect(en(served, null).headline).toBe('n2 gets c2’s read');
    expect(en(served, null).details[0]).toContain('c2’s read (xid 2)');
    // A frame shown before the row has no say in it either (its records are not complete yet).
    const early = s.seek(served.frame - 5);
    expect(en(served, early).headline).toBe('n2 gets c2’s read');
  });

  it('says the answer a client reads: the op it completes, with its result or error', () => {
    const heads = zkRows.filter((r) => r.type === EventType.Deliver && r.node > 1000).map((r) => en(r).headline);
    expect(heads).toContain('n1 answers c1’s create /config: created /config');
    expect(heads).toContain('n2 answers c2’s getData /config: "v1", version 0');
    expect(heads).toContain('n3 answers c3’s exists /config: it exists, version 0');
    expect(heads).toContain('n1 answers c1’s setData /config: now at version 1');
    expect(heads).toContain('n1 answers c1’s setData /config: BadVersion');
    expect(heads).toContain('c2 gets the watch event NodeDataChanged /config from n2');
    expect(heads).toContain('n3 tells c1 its session has expired');
    expect(heads).toContain('n3 answers c3’s getChildren /lock: children [lock-0000000002]');
  });

  it('narrates the lock queue: each waiter watches its predecessor, and the hand-over', () => {
    const waits = withNote(ZK_CLIENT_NOTES.ZkLockWaiting.code).map((r) => en(r).details.join(' '));
    expect(waits.some((t) => t.startsWith('c2 watches lock-0000000000, its predecessor'))).toBe(true);
    expect(waits.some((t) => t.startsWith('c3 watches lock-0000000001, its predecessor'))).toBe(true);
    const handOver = withNote(ZK_CLIENT_NOTES.ZkLockAcquired.code, 1002)[0];
    expect(en(handOver).headline).toBe('n2 answers c2’s lock /lock: the lock is held, through /lock/lock-0000000001');
    expect(en(handOver).details).toContain('c2 holds the lock: lock-0000000001 is the lowest child (fencing token 0x100000009)');
    expect(zh(handOver).details).toContain('c2 获得锁：lock-0000000001 是最小的子节点（防护令牌 0x100000009）');
    const fired = withNote(ZabZkNotes.WatchFired.code, 2).filter((r) => r.time > 10000)[0];
    expect(en(fired).details.join(' ')).toContain('n2 fires c2’s watch: NodeDeleted /lock/lock-0000000000 (zxid 0x10000000b)');
  });

  it('narrates the session’s life: made, failed over, expired by the leader, found expired', () => {
    const made = withNote(ZabZkNotes.SessionRequested.code, 1)[0];
    expect(en(made).headline).toBe('n1 gets c1’s ConnectRequest');
    expect(en(made).details[0]).toContain('n1 makes session 0x100000001 for c1 with a 3,000 ms timeout');
    const crash = rows.find((r) => r.action?.do === 'crash')!;
    expect(en(crash).details[0]).toBe('c1 loses its connection to n1: the TCP connection was reset, n1’s process died (Disconnected); it looks for a server again');
    const moved = withNote(ZabZkNotes.Revalidated.code).find((r) => r.time < 6000)!;
    expect(en(moved).headline).toBe('n3 gets REVALIDATE from n2');
    expect(en(moved).details[0]).toBe('n3’s session tracker finds 0x100000001 open: touched, and moved from n1 to n2');
    const expiry = withNote(ZabZkNotes.SessionExpiredByTracker.code)[0];
    expect(en(expiry).headline).toBe('n3’s session tracker checks for sessions past their timeout');
    expect(en(expiry).details[0]).toMatch(/^n3 expires session 0x100000001: no ping or request for 3,000 ms \(its bucket was due at 10\.200 s\)/);
    expect(zh(expiry).details[0]).toMatch(/^n3 使会话 0x100000001 过期：3,000 ms 内没有心跳也没有请求/);
    const woke = withNote(ZK_CLIENT_NOTES.ZkResumed.code)[0];
    expect(en(woke).headline).toBe('c1’s pause is over');
    expect(en(woke).details[0]).toContain('c1 wakes after 6,968 ms without reading its server, past its read timeout');
    const ping = withNote(ZK_CLIENT_NOTES.ZkPing.code, 1001)[0];
    expect(en(ping).headline).toBe('c1’s SendThread wakes');
    expect(en(ping).details[0]).toBe('c1 pings n1: it has sent nothing for 1,000 ms, and a session nobody hears from expires');
    const paused = zkRows.filter((r) => r.node === 1001 && r.type === EventType.Deliver && r.time > 7000 && r.time < 13000);
    expect(paused.length).toBeGreaterThan(0);
    for (const r of paused) expect(en(r).headline).toBe('A packet from n2 reaches c1, which is paused: it waits unread in the socket');
  });
});

describe('the fuzzer’s shrunk ZooKeeper scenarios (cuts, partitions, closes, pauses, expiries)', () => {
  for (const seed of [469, 794, 1021, 1441, 2114]) {
    it(`narrates every row of seed ${seed} without a gap, a raw code or a generic headline`, () => {
      const raw = JSON.parse(readFileSync(new URL(`../coord/zookeeper/sim/fixtures/seed${seed}.json`, import.meta.url), 'utf8'));
      const s = new SimSession();
      expect(s.load(raw).ok).toBe(true);
      const end = s.advanceTo(raw.until, 1_000_000);
      let checked = 0;
      for (let f = 1; f <= end.frame; f += 500) {
        for (const r of s.events(f, Math.min(end.frame, f + 499))) {
          if (!(r.action?.do === 'client' || r.node > 1000 || r.peer > 1000 || r.notes.some((n) => isZkNote(n.code)))) continue;
          checked++;
          for (const lang of LANGS) {
            for (const frame of [end, null]) {
              const p = narrateParts(r, lang, frame);
              expect([p.headline, ...p.details].join(' | '), `${seed} #${r.frame} ${lang}`).not.toMatch(BAD);
              expect(p.headline, `${seed} #${r.frame} ${lang}`).not.toMatch(/#\d|client reply|client request|’s timer fired|timed out waiting/);
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });
  }
});

function leaves(obj: unknown, path = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null) return [[path, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** Words Chinese keeps in English (GLOSSARY.md: names, identifiers, packet and op names). */
const KEPT =
  /\b(?:ZooKeeper|ConnectRequest|ConnectResponse|SetWatches|REVALIDATE|SYNC|SessionMoved|PROPOSAL|TRUNC|SNAP|LOOKING|SendThread|createSession|closeSession|ephemeralOwner|czxid|zxid|xid|tickTime|fencing token|expireWithoutLog|bug|GC|TCP|Disconnected|Expired|SessionExpired|ConnectionLoss|null|sync|connect|create|delete|setData|getData|exists|getChildren|close|lock|unlock|ms)\b/g;

describe('the narration’s dictionary', () => {
  it('has the same keys in both languages, every sentence filled, and Chinese with no English left', () => {
    const en = new Map(leaves(allZkNarrateDicts.en));
    const zh = new Map(leaves(allZkNarrateDicts.zh));
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.size).toBeGreaterThan(100);
    for (const [key, value] of zh) {
      const args = ['ARG1', 'ARG2', 'ARG3', 'ARG4', 'ARG5', 'ARG6', 'ARG7', 'ARG8'];
      const out = typeof value === 'function' ? (value as (...a: string[]) => string)(...args) : String(value);
      const enValue = en.get(key);
      const enOut = typeof enValue === 'function' ? (enValue as (...a: string[]) => string)(...args) : String(enValue);
      expect(out.length, key).toBeGreaterThan(0);
      expect(out, key).not.toMatch(/undefined/);
      // outcome.error is the error's own name in both languages; what.op is "getData /config".
      if (key === 'outcome.error' || key === 'what.op') continue;
      expect(out, key).not.toBe(enOut);
      const rest = out.replace(/ARG\d/g, '').replace(KEPT, '');
      expect(rest, `zh.${key}: ${out}`).not.toMatch(/[A-Za-z]{3,}/);
      expect(out, key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(zkNarrateEn.notes.lockWaiting('c2', 'lock-0000000002', 'lock-0000000001')).toBe('c2 watches lock-0000000001, its predecessor, and only it (no herd): lock-0000000002 is not the lowest');
  });
});
