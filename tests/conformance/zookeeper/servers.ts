/**
 * Real ZooKeeper 3.8 servers for the conformance suite: a standalone server or an
 * ensemble, each a JVM we spawn ourselves (QuorumPeerMain on a zoo.cfg of our own, in a
 * temp dir), on 127.0.0.1 only, on ports probed free. We keep the ChildProcess of every
 * JVM we start and stop exactly those, in `stop()` and, should the test runner die first,
 * in a process 'exit' hook; the temp dirs go with them. Should even that hook never run
 * (the runner SIGKILLed), each server halts by itself when its stdin pipe from us closes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiled, zookeeperClasspath } from './java';

export const HOST = '127.0.0.1';
/** Small, so session expiry is fast: sessions negotiate into [2, 20] × tickTime = [400, 4000] ms. */
export const TICK_MS = 200;

/** A port nobody listens on now (the OS picks it; we close it and hand it to a server). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, HOST, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Asks a four-letter word (`srvr`) and returns the answer, or null if nobody answered. */
export async function fourLetter(port: number, word: string, timeoutMs = 1000): Promise<string | null> {
  return new Promise((ok) => {
    let buf = '';
    const sock = tcpConnect({ host: HOST, port }, () => sock.write(word));
    const done = (v: string | null) => {
      clearTimeout(t);
      sock.destroy();
      ok(v);
    };
    const t = setTimeout(() => done(null), timeoutMs);
    sock.on('data', (d) => (buf += d.toString('utf8')));
    sock.on('end', () => done(buf));
    sock.on('error', () => done(null));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ZkServer {
  sid: number;
  clientPort: number;
  dir: string;
  proc: ChildProcess;
}

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const p of live) {
      try {
        p.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
}

export class Cluster {
  readonly servers: ZkServer[] = [];
  constructor(readonly root: string) {}

  /** `host:port` of server i (1-based). */
  address(i: number): string {
    return `${HOST}:${this.servers[i - 1].clientPort}`;
  }
  addresses(): string[] {
    return this.servers.map((s) => `${HOST}:${s.clientPort}`);
  }

  /** `Mode:` from srvr: standalone | leader | follower, or null. */
  async mode(i: number): Promise<string | null> {
    const out = await fourLetter(this.servers[i - 1].clientPort, 'srvr');
    const m = out === null ? null : /Mode: (\w+)/.exec(out);
    return m ? m[1] : null;
  }

  log(i: number): string {
    const f = join(this.servers[i - 1].dir, 'server.log');
    return existsSync(f) ? readFileSync(f, 'utf8') : '';
  }

  /** Stops exactly the JVMs this cluster started and removes its temp dir. */
  async stop(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((ok) => {
            if (s.proc.exitCode !== null || s.proc.signalCode !== null) {
              live.delete(s.proc);
              ok();
              return;
            }
            const t = setTimeout(() => s.proc.kill('SIGKILL'), 3000);
            s.proc.once('exit', () => {
              clearTimeout(t);
              live.delete(s.proc);
              ok();
            });
            s.proc.kill('SIGTERM');
          }),
      ),
    );
    rmSync(this.root, { recursive: true, force: true });
    dirs.delete(this.root);
  }
}

/**
 * Starts `n` servers (1 = standalone, 3 = an ensemble) and waits until each serves
 * clients (`srvr` answers with a Mode: standalone, leader or follower).
 */
export async function startCluster(n: number, opts: { tickMs?: number; timeoutMs?: number } = {}): Promise<Cluster> {
  const cp = zookeeperClasspath();
  const driverClasses = compiled();
  const tick = opts.tickMs ?? TICK_MS;
  hookExit();
  const root = mkdtempSync(join(tmpdir(), 'qs-zkconf-'));
  dirs.add(root);
  const cluster = new Cluster(root);
  const ports: { client: number; peer: number; election: number }[] = [];
  for (let i = 0; i < n; i++) ports.push({ client: await freePort(), peer: await freePort(), election: await freePort() });
  try {
    for (let i = 0; i < n; i++) {
      const sid = i + 1;
      const dir = join(root, `server${sid}`);
      mkdirSync(join(dir, 'data'), { recursive: true });
      const cfg = [
        `tickTime=${tick}`,
        'initLimit=10',
        'syncLimit=5',
        `dataDir=${join(dir, 'data')}`,
        `clientPort=${ports[i].client}`,
        `clientPortAddress=${HOST}`,
        'admin.enableServer=false',
        '4lw.commands.whitelist=srvr,ruok,stat',
        // Defaults made explicit: the negotiation tests read them.
        `minSessionTimeout=${2 * tick}`,
        `maxSessionTimeout=${20 * tick}`,
      ];
      if (n > 1) {
        writeFileSync(join(dir, 'data', 'myid'), `${sid}\n`);
        ports.forEach((p, j) => cfg.push(`server.${j + 1}=${HOST}:${p.peer}:${p.election}`));
        cfg.push(`quorumListenOnAllIPs=false`);
      }
      const cfgFile = join(dir, 'zoo.cfg');
      writeFileSync(cfgFile, cfg.join('\n') + '\n');
      const out = join(dir, 'server.log');
      writeFileSync(out, '');
      // QuorumPeerMain inside Driver.java's `server` mode: the same server, in a JVM that
      // halts when its stdin (our pipe) closes, so it dies with this process whatever kills it.
      const proc = spawn(
        'java',
        ['-Xmx128m', '-XX:+UseSerialGC', '-Dzookeeper.jmx.log4j.disable=true', '-Dorg.slf4j.simpleLogger.defaultLogLevel=info', '-cp', `${driverClasses}:${cp}`, 'Driver', 'server', cfgFile],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      );
      live.add(proc);
      const append = (d: Buffer) => writeFileSync(out, d, { flag: 'a' });
      proc.stdout?.on('data', append);
      proc.stderr?.on('data', append);
      cluster.servers.push({ sid, clientPort: ports[i].client, dir, proc });
    }
    const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
    for (let i = 1; i <= n; i++) {
      for (;;) {
        const s = cluster.servers[i - 1];
        if (s.proc.exitCode !== null) throw new Error(`ZooKeeper server ${i} exited with ${s.proc.exitCode}:\n${cluster.log(i).slice(-3000)}`);
        const mode = await cluster.mode(i);
        if (mode !== null && ['standalone', 'leader', 'follower'].includes(mode)) break;
        if (Date.now() > deadline) throw new Error(`ZooKeeper server ${i} not serving after ${opts.timeoutMs ?? 30_000} ms:\n${cluster.log(i).slice(-3000)}`);
        await sleep(100);
      }
    }
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  return cluster;
}
