/**
 * A frame past what the session can record (MAX_FRAMES) is refused by a link and by the
 * host API, rather than accepted and then silently clamped by the seek.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FRAMES } from '../../../src/sim/session';
import { MAX_HOST_FRAME, parseHostMessage } from '../../../src/ui/host/protocol';
import { MAX_URL_FRAME } from '../../../src/ui/url';

const seek = (frame: number) => parseHostMessage({ source: 'quorumscope', type: 'seek', frame });

describe('frame limits match the session’s', () => {
  it('a link and a host seek allow exactly the frames the session records', () => {
    expect(MAX_URL_FRAME).toBe(MAX_FRAMES);
    expect(MAX_HOST_FRAME).toBe(MAX_FRAMES);
  });
  it('a host seek past MAX_FRAMES is an error naming the frame, one at it is a seek', () => {
    expect(seek(MAX_FRAMES)).toEqual({ kind: 'command', command: { type: 'seek', frame: MAX_FRAMES } });
    expect(seek(MAX_FRAMES + 1)).toEqual({ kind: 'error', message: `seek: "frame" must be an integer from 0 to ${MAX_FRAMES}, got ${MAX_FRAMES + 1}` });
    expect(seek(3_000_000)).toMatchObject({ kind: 'error' });
  });
});
