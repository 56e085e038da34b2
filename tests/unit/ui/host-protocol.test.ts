/** The host API's wire format: what the embed accepts, refuses with an error, or ignores. */
import { describe, expect, it } from 'vitest';
import { HOST_COMMAND_TYPES, MAX_HOST_FRAME, hostMessage, parseEmbedMessage, parseHostMessage } from '../../../src/ui/host/protocol';

const msg = (type: string, rest: Record<string, unknown> = {}) => ({ source: 'quorumscope', type, ...rest });

describe('parseHostMessage', () => {
  it('reads every command of DESIGN.md', () => {
    expect(parseHostMessage(msg('play'))).toEqual({ kind: 'command', command: { type: 'play' } });
    expect(parseHostMessage(msg('pause'))).toEqual({ kind: 'command', command: { type: 'pause' } });
    expect(parseHostMessage(msg('step', { by: -1 }))).toEqual({ kind: 'command', command: { type: 'step', by: -1 } });
    expect(parseHostMessage(msg('step', { by: 1 }))).toEqual({ kind: 'command', command: { type: 'step', by: 1 } });
    expect(parseHostMessage(msg('step'))).toEqual({ kind: 'command', command: { type: 'step', by: 1 } });
    expect(parseHostMessage(msg('seek', { frame: 0 }))).toEqual({ kind: 'command', command: { type: 'seek', frame: 0 } });
    expect(parseHostMessage(msg('seek', { frame: 1234 }))).toEqual({ kind: 'command', command: { type: 'seek', frame: 1234 } });
    expect(parseHostMessage(msg('next-mark'))).toEqual({ kind: 'command', command: { type: 'next-mark' } });
    expect(parseHostMessage(msg('prev-mark'))).toEqual({ kind: 'command', command: { type: 'prev-mark' } });
    expect(parseHostMessage(msg('lesson', { name: 'raft-figure7' }))).toEqual({ kind: 'command', command: { type: 'lesson', name: 'raft-figure7' } });
    const scenario = { protocol: 'raft', nodes: 3 };
    expect(parseHostMessage(msg('load', { scenario }))).toEqual({ kind: 'command', command: { type: 'load', scenario } });
    expect(parseHostMessage(msg('lang', { lang: 'zh' }))).toEqual({ kind: 'command', command: { type: 'lang', lang: 'zh' } });
    expect(HOST_COMMAND_TYPES).toHaveLength(9);
  });

  it('ignores extra fields', () => {
    expect(parseHostMessage(msg('play', { extra: 1 }))).toEqual({ kind: 'command', command: { type: 'play' } });
  });

  it.each([
    ['step', { by: 2 }, 'by'],
    ['step', { by: '1' }, 'by'],
    ['seek', {}, 'frame'],
    ['seek', { frame: -1 }, 'frame'],
    ['seek', { frame: 1.5 }, 'frame'],
    ['seek', { frame: '10' }, 'frame'],
    ['seek', { frame: MAX_HOST_FRAME + 1 }, 'frame'],
    ['seek', { frame: Number.NaN }, 'frame'],
    ['lesson', { name: 'no-such-lesson' }, 'name'],
    ['lesson', { name: '../etc' }, 'name'],
    ['lesson', {}, 'name'],
    ['load', { scenario: 'raft' }, 'scenario'],
    ['load', { scenario: [1, 2] }, 'scenario'],
    ['load', { scenario: null }, 'scenario'],
    ['lang', { lang: 'fr' }, 'lang'],
  ])('a malformed %s %j is an error naming "%s"', (type, rest, field) => {
    const p = parseHostMessage(msg(type, rest));
    expect(p.kind).toBe('error');
    if (p.kind === 'error') {
      expect(p.message).toContain(type);
      expect(p.message).toContain(`"${field}"`);
    }
  });

  it.each([
    ['not an object', 'play'],
    ['null', null],
    ['an array', ['quorumscope', 'play']],
    ['reveal.js strings', 'slide:start'],
    ['another source', { source: 'other', type: 'play' }],
    ['no source', { type: 'play' }],
    ['an unknown type', { source: 'quorumscope', type: 'dance' }],
    ['an embed message sent back', { source: 'quorumscope', type: 'frame', frame: 1, time: 0, playing: false }],
    ['a type that is not a string', { source: 'quorumscope', type: 7 }],
  ])('ignores %s', (_label, data) => {
    expect(parseHostMessage(data)).toEqual({ kind: 'ignore' });
  });

  it('keeps long values out of the error message', () => {
    const p = parseHostMessage(msg('lesson', { name: 'x'.repeat(500) }));
    expect(p.kind === 'error' && p.message.length < 300).toBe(true);
  });
});

describe('parseEmbedMessage (for hosts)', () => {
  it('reads ready, frame and error, and nothing else', () => {
    expect(parseEmbedMessage(msg('ready', { protocol: 'raft', frames: 1 }))).toEqual(msg('ready', { protocol: 'raft', frames: 1 }));
    expect(parseEmbedMessage(msg('frame', { frame: 3, time: 40, playing: true }))).toEqual(msg('frame', { frame: 3, time: 40, playing: true }));
    expect(parseEmbedMessage(msg('error', { message: 'x' }))).toEqual(msg('error', { message: 'x' }));
    expect(parseEmbedMessage(msg('frame', { frame: '3', time: 40, playing: true }))).toBeNull();
    expect(parseEmbedMessage(msg('play'))).toBeNull();
    expect(parseEmbedMessage('ready')).toBeNull();
  });

  it('builds host messages the embed accepts', () => {
    const m = hostMessage({ type: 'seek', frame: 5 });
    expect(m).toEqual(msg('seek', { frame: 5 }));
    expect(parseHostMessage(m)).toEqual({ kind: 'command', command: { type: 'seek', frame: 5 } });
  });
});
