/**
 * The protocols the app knows. Adding a protocol adds a folder under src/core and one
 * line here; the simulator, worker, CLI and fuzzer find it through this registry.
 */
import type { AnyProtocol } from './protocol';
import { raftProtocol } from './raft/protocol';
import { zabProtocol } from './zab/protocol';
import { hashringProtocol } from './hashring/protocol';

const PROTOCOLS: AnyProtocol[] = [raftProtocol, zabProtocol, hashringProtocol];

/** Add a protocol at run time (tests use this to prove the simulator is protocol-generic). */
export function registerProtocol(p: AnyProtocol): void {
  if (!getProtocol(p.name)) PROTOCOLS.push(p);
}

export function getProtocol(name: string): AnyProtocol | undefined {
  return PROTOCOLS.find((p) => p.name === name);
}

export function protocolNames(): string[] {
  return PROTOCOLS.map((p) => p.name);
}
