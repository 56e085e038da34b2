/**
 * The Java side's two prerequisites: ZooKeeper 3.8's classpath (from
 * scripts/ensure-zookeeper.sh, which installs it on Debian as root) and Driver.java
 * compiled (the conformance driver, which also hosts the servers: see its `server` mode).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../..');

let classpathCache: string | null = null;
/** The classpath scripts/ensure-zookeeper.sh prints (it installs ZooKeeper on Debian as root). Throws when none. */
export function zookeeperClasspath(): string {
  if (classpathCache === null) {
    try {
      classpathCache = execFileSync('bash', [join(repoRoot, 'scripts/ensure-zookeeper.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    } catch (e) {
      const err = e as { stderr?: string };
      throw new Error(`no ZooKeeper for the conformance suite: ${err.stderr ?? String(e)}`, { cause: e });
    }
  }
  return classpathCache;
}

let classDir: string | null = null;
/**
 * The compiled driver: javac once per content of Driver.java (and classpath), cached in
 * the OS temp dir as qs-zkdriver-<hash> — javac is a JVM too, 3–9 s on these machines.
 * Compiled into a fresh dir and renamed into place, so a concurrent run never sees half.
 */
export function compiled(): string {
  if (classDir !== null) return classDir;
  const src = join(import.meta.dirname, 'Driver.java');
  const cp = zookeeperClasspath();
  const hash = createHash('sha256').update(readFileSync(src)).update(cp).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `qs-zkdriver-${hash}`);
  if (!existsSync(join(dir, 'Driver.class'))) {
    const tmp = mkdtempSync(join(tmpdir(), 'qs-zkdriver-build-'));
    try {
      execFileSync('javac', ['-J-XX:TieredStopAtLevel=1', '-J-XX:+UseSerialGC', '-nowarn', '-cp', cp, '-d', tmp, src], { stdio: ['ignore', 'ignore', 'pipe'] });
      try {
        renameSync(tmp, dir);
      } catch {
        // another run put it there first
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  classDir = dir;
  return dir;
}

