/**
 * The model against a real standalone ZooKeeper 3.8 (tickTime 200 ms), every sequence.
 */
import { describe, expect, it } from 'vitest';
import { fourLetter } from './servers';
import { SEQUENCES } from './sequences';
import { conformanceSuite } from './suite';

describe('conformance: ZooKeeper 3.8 standalone', () => {
  const suite = conformanceSuite({ label: 'standalone', servers: 1, prefix: '/s', serverOf: () => 1 }, SEQUENCES);

  it('standalone: the server is ZooKeeper 3.8 in standalone mode, on 127.0.0.1', async () => {
    const c = suite.cluster();
    const srvr = await fourLetter(c.servers[0].clientPort, 'srvr');
    expect(srvr).toMatch(/Zookeeper version: 3\.8\./);
    expect(srvr).toMatch(/Mode: standalone/);
    expect(c.address(1)).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
