/**
 * The scenario format shared by the app, the URL, the CLI and the tests
 * (../shared/DESIGN.md). Parsing validates everything and refuses bad input with a
 * ScenarioError naming the field and what was expected.
 */
import { ScenarioError, isPlainObject, type AnyProtocol, type ScenarioWarning } from '../core/protocol';
import { getProtocol, protocolNames } from '../core/registry';
import { PLANNED_SERVICES, getService, serviceNames, type ServiceDef } from '../core/coord/registry';

/**
 * A client action's arguments, as the scenario writes them (DESIGN.md, "The coordination
 * layer"): the names ZooKeeper's operations take. The service's op parser validates them;
 * the action keeps them exactly as given, so the scenario written back is the one read.
 * A service with other argument names adds them here.
 */
export interface ClientActionArgs {
  server?: number;
  sessionTimeoutMs?: number;
  path?: string;
  data?: string;
  ephemeral?: boolean;
  sequential?: boolean;
  version?: number;
  watch?: boolean;
  ms?: number;
}

export type ScriptAction =
  | { at: number; do: 'request'; value: string; node?: number }
  | { at: number; do: 'crash'; node: number }
  | { at: number; do: 'restart'; node: number }
  | { at: number; do: 'partition'; groups: number[][] }
  /** One direction of one link between servers. */
  | { at: number; do: 'cut' | 'mend'; from: number; to: number; client?: undefined }
  /** A service client's links, both ways: with server `node`, or with every server when it is absent. */
  | { at: number; do: 'cut' | 'mend'; client: number; node?: number }
  | { at: number; do: 'heal' }
  /** The node's election timer fires now (RaftScope's "time out"). */
  | { at: number; do: 'timeout'; node: number }
  /** Lose one message in flight: the `nth` message (1-based) ever sent on the link from → to. */
  | { at: number; do: 'drop'; from: number; to: number; nth: number }
  /** Membership protocols (the hash ring): a new node, with an id above `nodes`, joins. */
  | { at: number; do: 'add'; node: number }
  /** Membership protocols: a member leaves for good (announced, unlike a crash). */
  | { at: number; do: 'remove'; node: number }
  /** A service scenario's client `client` (1-based) invokes `op` with its arguments. */
  | ({ at: number; do: 'client'; client: number; op: string } & ClientActionArgs);

export type ActionName = ScriptAction['do'];
export const ACTION_NAMES: readonly ActionName[] = ['request', 'crash', 'restart', 'partition', 'cut', 'mend', 'heal', 'timeout', 'drop', 'add', 'remove', 'client'];
export type ClientAction = Extract<ScriptAction, { do: 'client' }>;

/** Most client actors a scenario may have. */
export const MAX_CLIENTS = 16;
/** Clients in a service scenario that does not say. */
export const DEFAULT_CLIENTS = 1;

/**
 * Each client action's op as its service parsed it (defaults filled in), kept beside the
 * action rather than in it, so the action itself stays what the scenario wrote.
 */
const parsedOps = new WeakMap<object, unknown>();

/** The parsed op of a client action (validated when the action was parsed). */
export function clientOpOf(a: ClientAction): unknown {
  return parsedOps.get(a);
}

/**
 * What a script action may name: node ids 1..`nodes` (the scenario's), up to `capacity` for a
 * membership protocol's `add` / `remove`, and 0 (the hub) as a link's end when there is one.
 */
export interface ActionLimits {
  nodes: number;
  /** The highest node id (membership protocols: the protocol's capacity; else `nodes`). */
  capacity: number;
  /** `add` / `remove` are allowed. */
  membership: boolean;
  /** A hub at id 0 that links can be cut to. */
  hub: boolean;
  /** The scenario's service (its client actions are validated by it), if any. */
  service?: ServiceDef;
  /** Client actors (1..clients); 0 without a service. */
  clients?: number;
}

/** The limits a protocol puts on a scenario's actions. */
export function actionLimits(protocol: AnyProtocol, nodes: number, service?: ServiceDef, clients = 0): ActionLimits {
  const m = protocol.membership;
  const lim: ActionLimits = { nodes, capacity: m ? Math.max(nodes, m.capacity) : nodes, membership: m !== undefined, hub: protocol.hub === true };
  if (service !== undefined) {
    lim.service = service;
    lim.clients = clients;
  }
  return lim;
}

/** A scenario as written (config and initial kept as given, for round-tripping). */
export interface Scenario {
  protocol: string;
  nodes: number;
  seed: number;
  until: number;
  config?: Record<string, unknown>;
  initial?: Record<string, unknown>;
  /** The coordination layer on top of the protocol (DESIGN.md): e.g. "zookeeper" on "zab". */
  service?: string;
  /** Client actors of the service, 1..clients (only with `service`). */
  clients?: number;
  script: ScriptAction[];
}

/** A scenario after validation, with the protocol's parsed config and initial state. */
export interface ParsedScenario {
  scenario: Scenario;
  protocol: AnyProtocol;
  config: unknown;
  initial: Map<number, unknown>;
  /** Valid but suspect (e.g. an initial state the protocol could never reach). */
  warnings: ScenarioWarning[];
  /** The scenario's service, or null. */
  service: ServiceDef | null;
  /** Client actors of the service (0 without one). */
  clients: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_UNTIL_MS = 10_000;
export const MAX_NODES = 9;
export const MAX_SCRIPT_ACTIONS = 1_000_000;
/** Virtual time beyond which a run is refused (about 11.5 days): keeps times exact in doubles and bounded. */
export const MAX_TIME_MS = 1_000_000_000;

const TOP_FIELDS = ['protocol', 'nodes', 'seed', 'until', 'config', 'initial', 'service', 'clients', 'script'];


export function intField(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(field, `an integer from ${min} to ${max}`, v);
  }
  return v;
}

function nodeField(v: unknown, field: string, nodes: number): number {
  return intField(v, field, 1, nodes);
}

function rejectUnknown(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      throw new ScenarioError(where ? `${where}.${k}` : k, `no such field (allowed: ${allowed.join(', ')})`);
    }
  }
}

/** Validate one script action (`i` is its position, for the field name). Throws ScenarioError. */
export function parseAction(raw: unknown, i: number, limitsOrNodes: ActionLimits | number): ScriptAction {
  const lim: ActionLimits =
    typeof limitsOrNodes === 'number' ? { nodes: limitsOrNodes, capacity: limitsOrNodes, membership: false, hub: false } : limitsOrNodes;
  // Nodes that exist: with membership, every slot up to the capacity (an added one too).
  const nodes = lim.capacity;
  const linkEnd = (v: unknown, field: string): number => intField(v, field, lim.hub ? 0 : 1, nodes);
  const f = `script[${i}]`;
  if (!isPlainObject(raw)) throw new ScenarioError(f, 'an object like {"at": 0, "do": "crash", "node": 1}', raw);
  const at = intField(raw.at, `${f}.at`, 0, MAX_TIME_MS);
  const what = raw.do;
  if (typeof what !== 'string' || !(ACTION_NAMES as readonly string[]).includes(what)) {
    throw new ScenarioError(`${f}.do`, `one of ${ACTION_NAMES.join(', ')}`, what);
  }
  switch (what as ActionName) {
    case 'request': {
      // A service's clients are the actors from CLIENT_ID_BASE on, where the built-in one lives.
      if (lim.service !== undefined) throw new ScenarioError(`${f}.do`, `a client action (a ${lim.service.name} scenario's clients make the requests: {"do": "client", "client": C, "op": …})`, what);
      rejectUnknown(raw, ['at', 'do', 'value', 'node'], f);
      if (typeof raw.value !== 'string' || raw.value.length > 200) {
        throw new ScenarioError(`${f}.value`, 'a string of at most 200 characters', raw.value);
      }
      const a: ScriptAction = { at, do: 'request', value: raw.value };
      if (raw.node !== undefined) a.node = nodeField(raw.node, `${f}.node`, nodes);
      return a;
    }
    case 'crash':
    case 'restart':
    case 'timeout':
      rejectUnknown(raw, ['at', 'do', 'node'], f);
      return { at, do: what as 'crash' | 'restart' | 'timeout', node: nodeField(raw.node, `${f}.node`, nodes) };
    case 'partition': {
      rejectUnknown(raw, ['at', 'do', 'groups'], f);
      if (!Array.isArray(raw.groups) || raw.groups.length < 1) {
        throw new ScenarioError(`${f}.groups`, 'a list of groups of node ids, e.g. [[1, 2], [3, 4, 5]]', raw.groups);
      }
      const seen = new Set<number>();
      const groups = raw.groups.map((g, gi) => {
        if (!Array.isArray(g) || g.length === 0) {
          throw new ScenarioError(`${f}.groups[${gi}]`, 'a non-empty list of node ids', g);
        }
        return g.map((n, ni) => {
          const id = nodeField(n, `${f}.groups[${gi}][${ni}]`, nodes);
          if (seen.has(id)) throw new ScenarioError(`${f}.groups[${gi}][${ni}]`, `node ${id} in only one group`);
          seen.add(id);
          return id;
        });
      });
      return { at, do: 'partition', groups };
    }
    case 'cut':
    case 'mend': {
      if (raw.client !== undefined) {
        if (lim.service === undefined) throw new ScenarioError(`${f}.client`, 'absent: a client\'s links can be cut in a service scenario only (a top-level "service")', raw.client);
        rejectUnknown(raw, ['at', 'do', 'client', 'node'], f);
        const client = intField(raw.client, `${f}.client`, 1, lim.clients ?? 0);
        if (raw.node === undefined) return { at, do: what as 'cut' | 'mend', client };
        return { at, do: what as 'cut' | 'mend', client, node: nodeField(raw.node, `${f}.node`, nodes) };
      }
      rejectUnknown(raw, ['at', 'do', 'from', 'to'], f);
      const from = linkEnd(raw.from, `${f}.from`);
      const to = linkEnd(raw.to, `${f}.to`);
      if (from === to) throw new ScenarioError(`${f}.to`, 'a node other than "from"', to);
      return { at, do: what as 'cut' | 'mend', from, to };
    }
    case 'heal':
      rejectUnknown(raw, ['at', 'do'], f);
      return { at, do: 'heal' };
    case 'drop': {
      rejectUnknown(raw, ['at', 'do', 'from', 'to', 'nth'], f);
      const from = linkEnd(raw.from, `${f}.from`);
      const to = linkEnd(raw.to, `${f}.to`);
      if (from === to) throw new ScenarioError(`${f}.to`, 'a node other than "from"', to);
      return { at, do: 'drop', from, to, nth: intField(raw.nth, `${f}.nth`, 1, 0x7fffffff) };
    }
    case 'add':
    case 'remove': {
      if (!lim.membership) throw new ScenarioError(`${f}.do`, `one of ${ACTION_NAMES.filter((n) => n !== 'add' && n !== 'remove').join(', ')} (add and remove are for the hash ring)`, what);
      rejectUnknown(raw, ['at', 'do', 'node'], f);
      // A new node takes an id above the starting ones; a removal can name any slot.
      const node = what === 'add' ? intField(raw.node, `${f}.node`, lim.nodes + 1, nodes) : nodeField(raw.node, `${f}.node`, nodes);
      return { at, do: what as 'add' | 'remove', node };
    }
    case 'client': {
      const service = lim.service;
      if (service === undefined) throw new ScenarioError(`${f}.do`, 'an action of the protocol (client actions need a top-level "service")', what);
      const client = intField(raw.client, `${f}.client`, 1, lim.clients ?? 0);
      // The service's parser checks op, its arguments, and that no unknown field is present.
      const op = service.parseOp(raw, f, lim.nodes);
      // The action as written, `at` normalized first: it round-trips.
      const a = { ...raw, at, do: 'client', client } as ClientAction;
      parsedOps.set(a, op);
      return a;
    }
  }
}

/** Validate a scenario (already JSON-parsed). Throws ScenarioError. */
export function parseScenario(raw: unknown): ParsedScenario {
  if (!isPlainObject(raw)) throw new ScenarioError('scenario', 'a JSON object', raw);
  rejectUnknown(raw, TOP_FIELDS, '');
  if (typeof raw.protocol !== 'string') {
    throw new ScenarioError('protocol', `one of ${protocolNames().join(', ')}`, raw.protocol);
  }
  const protocol = getProtocol(raw.protocol);
  if (!protocol) throw new ScenarioError('protocol', `one of ${protocolNames().join(', ')}`, raw.protocol);
  const nodes = intField(raw.nodes, 'nodes', 1, protocol.membership ? protocol.membership.capacity : MAX_NODES);
  const seed = raw.seed === undefined ? DEFAULT_SEED : intField(raw.seed, 'seed', 0, 0xffffffff);
  const until = raw.until === undefined ? DEFAULT_UNTIL_MS : intField(raw.until, 'until', 1, MAX_TIME_MS);
  if (raw.config !== undefined && !isPlainObject(raw.config)) throw new ScenarioError('config', 'an object', raw.config);
  if (raw.initial !== undefined && !isPlainObject(raw.initial)) throw new ScenarioError('initial', 'an object keyed by node id', raw.initial);
  let config = protocol.parseConfig(raw.config, nodes);
  const initial = protocol.parseInitial(raw.initial, nodes);
  const service = parseService(raw, protocol);
  const clients = service === null ? 0 : raw.clients === undefined ? DEFAULT_CLIENTS : intField(raw.clients, 'clients', 1, MAX_CLIENTS);
  if (service !== null) config = protocol.withService!(config, service.name);
  let script: ScriptAction[] = [];
  if (raw.script !== undefined) {
    if (!Array.isArray(raw.script)) throw new ScenarioError('script', 'a list of actions', raw.script);
    if (raw.script.length > MAX_SCRIPT_ACTIONS) {
      throw new ScenarioError('script', `at most ${MAX_SCRIPT_ACTIONS} actions`, raw.script.length);
    }
    const limits = actionLimits(protocol, nodes, service ?? undefined, clients);
    script = raw.script.map((a, i) => parseAction(a, i, limits));
  }
  const scenario: Scenario = { protocol: protocol.name, nodes, seed, until, script };
  if (raw.config !== undefined) scenario.config = raw.config as Record<string, unknown>;
  if (raw.initial !== undefined) scenario.initial = raw.initial as Record<string, unknown>;
  if (service !== null) scenario.service = service.name;
  if (raw.clients !== undefined) scenario.clients = clients;
  return { scenario, protocol, config, initial, warnings: protocol.initialWarnings(initial, nodes), service, clients };
}

/**
 * The top-level `service`: one the registry has, on a protocol it runs on. etcd and Consul
 * are named by DESIGN.md but not built yet: refused, saying so. `clients` without a service
 * is refused too (there is nothing for them to talk to).
 */
function parseService(raw: Record<string, unknown>, protocol: AnyProtocol): ServiceDef | null {
  if (raw.service === undefined) {
    if (raw.clients !== undefined) throw new ScenarioError('clients', 'no "clients" without a "service" (e.g. "service": "zookeeper")', raw.clients);
    return null;
  }
  const names = serviceNames();
  if (typeof raw.service === 'string' && PLANNED_SERVICES.includes(raw.service)) {
    throw new ScenarioError('service', `one of ${names.join(', ')} (${raw.service} is not built yet)`, raw.service);
  }
  const service = typeof raw.service === 'string' ? getService(raw.service) : undefined;
  if (service === undefined) throw new ScenarioError('service', `one of ${names.join(', ')}`, raw.service);
  if (!service.protocols.includes(protocol.name) || protocol.withService === undefined) {
    throw new ScenarioError('service', `a service of protocol ${protocol.name} (${service.name} runs on ${service.protocols.join(', ')})`, raw.service);
  }
  return service;
}

/** Parse JSON text, turning a syntax error into a ScenarioError too. */
export function parseScenarioText(text: string): ParsedScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError('scenario', `valid JSON (${(e as Error).message})`);
  }
  return parseScenario(raw);
}

/** The node an action is about, for the history and the timeline (0 for none: heal, a request to the leader). */
export function actionNode(a: ScriptAction): number {
  if (a.do === 'client') return 0;
  if ('node' in a && a.node !== undefined) return a.node;
  if (a.do === 'drop') return a.from;
  if (a.do === 'cut' || a.do === 'mend') return a.client === undefined ? a.from : 0;
  return 0;
}

/** Script actions in execution order: by time, stable by position. */
export function sortScript(script: readonly ScriptAction[]): ScriptAction[] {
  return script
    .map((a, i) => [a, i] as const)
    .sort((x, y) => x[0].at - y[0].at || x[1] - y[1])
    .map(([a]) => a);
}
