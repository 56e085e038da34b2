// The conformance suite's client driver: ZooKeeper 3.8's own Java client, several handles
// (one per numbered client), driven by a sequence read from stdin, one command per line,
// fields separated by tabs:
//
//   connect C SERVER TIMEOUT_MS     open client C's session on server SERVER (1-based)
//   create C PATH DATA FLAGS        FLAGS: "-", "e", "s" or "es" (ephemeral / sequential)
//   delete C PATH VERSION
//   setData C PATH DATA VERSION
//   getData C PATH WATCH            WATCH: 0 or 1 (1 = the handle's default watcher)
//   exists C PATH WATCH
//   getChildren C PATH WATCH
//   sync C PATH
//   close C
//   expire C                        cut C's connection until the SERVER expires its session
//   cut C                           drop C's connection and keep it down (session alive)
//   reconnect C SERVER              let C reconnect, to server SERVER, with its session
//   wait MS
//   sequence CHROOT                 (a batch) close every client, start the next sequence,
//                                   its steps numbered from 0 again, under CHROOT
//
// Every client talks to its server through a small TCP proxy inside this JVM, so `expire`
// can silence one client without closing its session: the proxy drops the connection and
// refuses new ones, the client sends no pings, the server's session tracker expires the
// session (deleting its ephemerals, firing watches); when the proxy lets the client back,
// the server answers its reconnect with "expired" and the handle reports Expired.
//
// Output on stdout, one JSON object per line: {"kind":"result",...} per command,
// {"kind":"event",...} per watch event and {"kind":"state",...} per connection state
// change, each with the step (0-based command index) it happened in, and
// {"kind":"end","step":k,"ms":t} once the step's effects have reached every client. That last
// guarantee comes from a flush after every step: each open handle sends an async sync("/")
// and waits for its callback. Callbacks run on the handle's event thread in arrival order,
// after the watch events the server sent earlier on that connection, so when all callbacks
// have run every event the step caused has been printed.
//
// (`Driver server CFG` runs a ZooKeeper server instead: see server() below.)
//
// Arguments: TICK_MS CHROOT HOST:PORT[,HOST:PORT...]   (CHROOT like "/c07", made if missing,
// or "-" for none)
import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class Driver {
    static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    static volatile int step = -1;
    static int tickMs;
    static String chroot;
    static String[] servers;
    static final Map<Integer, Client> clients = new TreeMap<>();

    static synchronized void emit(String json) {
        OUT.println(json);
    }

    static String q(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String hex(long v) {
        return q("0x" + Long.toHexString(v));
    }

    static String stat(Stat s) {
        if (s == null) return "null";
        return "{\"czxid\":" + s.getCzxid() + ",\"mzxid\":" + s.getMzxid() + ",\"pzxid\":" + s.getPzxid()
                + ",\"ctime\":" + s.getCtime() + ",\"mtime\":" + s.getMtime()
                + ",\"version\":" + s.getVersion() + ",\"cversion\":" + s.getCversion()
                + ",\"aversion\":" + s.getAversion() + ",\"ephemeralOwner\":" + hex(s.getEphemeralOwner())
                + ",\"dataLength\":" + s.getDataLength() + ",\"numChildren\":" + s.getNumChildren() + "}";
    }

    /** A one-client TCP proxy to one server; `cut` drops its connections and refuses new ones. */
    static final class Proxy implements Runnable {
        final ServerSocket ss;
        volatile String host;
        volatile int port;
        volatile boolean cut;
        final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

        Proxy(String hostPort) throws Exception {
            target(hostPort);
            ss = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
            Thread t = new Thread(this, "proxy-" + ss.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        /** Where new connections go (a reconnect to another server). */
        void target(String hostPort) {
            int i = hostPort.lastIndexOf(':');
            host = hostPort.substring(0, i);
            port = Integer.parseInt(hostPort.substring(i + 1));
        }

        String address() {
            return "127.0.0.1:" + ss.getLocalPort();
        }

        public void run() {
            while (true) {
                Socket down;
                try {
                    down = ss.accept();
                } catch (Exception e) {
                    return;
                }
                if (cut) {
                    closeQuietly(down);
                    continue;
                }
                try {
                    Socket up = new Socket();
                    up.connect(new InetSocketAddress(host, port), 2000);
                    open.add(down);
                    open.add(up);
                    pump(down, up);
                    pump(up, down);
                } catch (Exception e) {
                    closeQuietly(down);
                }
            }
        }

        void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[65536];
                try {
                    InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream();
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (cut) break;
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (Exception ignored) {
                    // the other pump or a cut closed the pair
                }
                closeQuietly(from);
                closeQuietly(to);
            });
            t.setDaemon(true);
            t.start();
        }

        void setCut(boolean c) {
            cut = c;
            if (c) {
                synchronized (open) {
                    for (Socket s : open) closeQuietly(s);
                    open.clear();
                }
            }
        }
    }

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    static final class Client implements Watcher {
        final int id;
        final Proxy proxy;
        ZooKeeper zk;
        volatile CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch expired = new CountDownLatch(1);
        volatile boolean closed;
        volatile boolean isCut;

        Client(int id, Proxy proxy) {
            this.id = id;
            this.proxy = proxy;
        }

        public void process(WatchedEvent e) {
            if (e.getType() == Event.EventType.None) {
                emit("{\"kind\":\"state\",\"step\":" + step + ",\"client\":" + id + ",\"state\":" + q(e.getState().name()) + "}");
                if (e.getState() == Event.KeeperState.SyncConnected) connected.countDown();
                if (e.getState() == Event.KeeperState.Expired) expired.countDown();
                return;
            }
            emit("{\"kind\":\"event\",\"step\":" + step + ",\"client\":" + id + ",\"type\":" + q(e.getType().name())
                    + ",\"path\":" + q(e.getPath()) + "}");
        }
    }

    static String errName(KeeperException.Code c) {
        switch (c) {
            case NONODE: return "NoNode";
            case NODEEXISTS: return "NodeExists";
            case BADVERSION: return "BadVersion";
            case NOTEMPTY: return "NotEmpty";
            case NOCHILDRENFOREPHEMERALS: return "NoChildrenForEphemerals";
            case SESSIONEXPIRED: return "SessionExpired";
            case CONNECTIONLOSS: return "ConnectionLoss";
            case BADARGUMENTS: return "BadArguments";
            default: return c.name();
        }
    }

    static void ok(int c, String result) {
        emit("{\"kind\":\"result\",\"step\":" + step + ",\"client\":" + c + ",\"ok\":true,\"result\":" + result + "}");
    }

    static void fail(int c, String error, String detail) {
        emit("{\"kind\":\"result\",\"step\":" + step + ",\"client\":" + c + ",\"ok\":false,\"error\":" + q(error)
                + ",\"detail\":" + q(detail) + "}");
    }

    static Client client(int c) {
        Client cl = clients.get(c);
        if (cl == null) throw new IllegalStateException("client " + c + " never connected");
        return cl;
    }

    static void run(String[] f) throws Exception {
        String cmd = f[0];
        if (cmd.equals("wait")) {
            Thread.sleep(Long.parseLong(f[1]));
            ok(0, "null");
            return;
        }
        int c = Integer.parseInt(f[1]);
        if (cmd.equals("connect")) {
            Proxy p = new Proxy(servers[Integer.parseInt(f[2]) - 1]);
            Client cl = new Client(c, p);
            clients.put(c, cl);
            cl.zk = new ZooKeeper(p.address() + (chroot.equals("-") ? "" : chroot), Integer.parseInt(f[3]), cl);
            if (!cl.connected.await(10, TimeUnit.SECONDS)) {
                fail(c, "ConnectTimeout", "no SyncConnected within 10 s");
                return;
            }
            ok(c, "{\"session\":" + hex(cl.zk.getSessionId()) + ",\"negotiatedTimeoutMs\":" + cl.zk.getSessionTimeout() + "}");
            return;
        }
        Client cl = client(c);
        ZooKeeper zk = cl.zk;
        try {
            switch (cmd) {
                case "create": {
                    String flags = f[4];
                    boolean e = flags.contains("e"), s = flags.contains("s");
                    CreateMode mode = e ? (s ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL)
                            : (s ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT);
                    String path = zk.create(f[2], f[3].getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, mode);
                    ok(c, q(path));
                    break;
                }
                case "delete":
                    zk.delete(f[2], Integer.parseInt(f[3]));
                    ok(c, "null");
                    break;
                case "setData":
                    ok(c, stat(zk.setData(f[2], f[3].getBytes(StandardCharsets.UTF_8), Integer.parseInt(f[4]))));
                    break;
                case "getData": {
                    Stat st = new Stat();
                    byte[] d = zk.getData(f[2], f[3].equals("1"), st);
                    ok(c, "{\"data\":" + q(d == null ? "" : new String(d, StandardCharsets.UTF_8)) + ",\"stat\":" + stat(st) + "}");
                    break;
                }
                case "exists":
                    ok(c, stat(zk.exists(f[2], f[3].equals("1"))));
                    break;
                case "getChildren": {
                    List<String> kids = new ArrayList<>(zk.getChildren(f[2], f[3].equals("1")));
                    Collections.sort(kids);
                    StringBuilder b = new StringBuilder("[");
                    for (int i = 0; i < kids.size(); i++) b.append(i > 0 ? "," : "").append(q(kids.get(i)));
                    ok(c, b.append(']').toString());
                    break;
                }
                case "sync": {
                    CountDownLatch done = new CountDownLatch(1);
                    AtomicInteger rc = new AtomicInteger();
                    zk.sync(f[2], (int r, String path, Object ctx) -> {
                        rc.set(r);
                        done.countDown();
                    }, null);
                    if (!done.await(10, TimeUnit.SECONDS)) {
                        fail(c, "Timeout", "sync did not complete within 10 s");
                        break;
                    }
                    KeeperException.Code code = KeeperException.Code.get(rc.get());
                    if (code == KeeperException.Code.OK) ok(c, "null");
                    else fail(c, errName(code), "sync");
                    break;
                }
                case "close":
                    zk.close();
                    cl.closed = true;
                    ok(c, "null");
                    break;
                case "cut":
                    // The connection drops and stays down (no new one gets through): the
                    // client is Disconnected, its session lives on at the server for its
                    // timeout, and that server forgets the connection's watches.
                    cl.connected = new CountDownLatch(1);
                    cl.isCut = true;
                    cl.proxy.setCut(true);
                    ok(c, "null");
                    break;
                case "reconnect":
                    // Let the client through again, to server f[2]: it reconnects with its
                    // session and re-sends its watches (SetWatches, relative to the last
                    // zxid it saw), which fire at once for what changed meanwhile.
                    cl.proxy.target(servers[Integer.parseInt(f[2]) - 1]);
                    cl.proxy.setCut(false);
                    cl.isCut = false;
                    if (cl.connected.await(10, TimeUnit.SECONDS)) ok(c, "null");
                    else fail(c, "ConnectTimeout", "no SyncConnected within 10 s of the reconnect");
                    break;
                case "expire": {
                    // Silence the client until the server's session tracker must have expired
                    // the session: it expires in tick-sized buckets, so within timeout + tick.
                    cl.isCut = true;
                    cl.proxy.setCut(true);
                    Thread.sleep(zk.getSessionTimeout() + 2L * tickMs + 300);
                    cl.proxy.setCut(false);
                    cl.isCut = false;
                    if (cl.expired.await(10, TimeUnit.SECONDS)) {
                        cl.closed = true;
                        ok(c, "null");
                    } else {
                        fail(c, "NotExpired", "the server did not expire the session");
                    }
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown command " + cmd);
            }
        } catch (KeeperException e) {
            fail(c, errName(e.code()), String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // The Java client validates paths itself (PathUtils.validatePath) before sending:
            // what the server would answer with KeeperException.BadArgumentsException.
            fail(c, "BadArguments", "client-side: " + e.getMessage());
        }
    }

    /** After every step: each open handle's sync callback runs after the events sent before it. */
    static void flush() throws Exception {
        List<CountDownLatch> waits = new ArrayList<>();
        for (Client cl : clients.values()) {
            if (cl.closed || cl.isCut || !cl.zk.getState().isConnected()) continue;
            CountDownLatch done = new CountDownLatch(1);
            cl.zk.sync("/", (int r, String path, Object ctx) -> done.countDown(), null);
            waits.add(done);
        }
        for (CountDownLatch w : waits) {
            if (!w.await(10, TimeUnit.SECONDS)) emit("{\"kind\":\"warning\",\"step\":" + step + ",\"detail\":\"flush timed out\"}");
        }
    }

    /**
     * `Driver server CFG`: a ZooKeeper server (QuorumPeerMain, standalone or a quorum peer,
     * as CFG says) in this JVM, which halts as soon as its stdin closes — so a server can
     * never outlive the test process that spawned it, even one killed without a chance to
     * clean up.
     */
    static void server(String cfg) throws Exception {
        Thread guard = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; we wait for the end of the stream
                }
            } catch (Exception ignored) {
                // a broken pipe ends it as well
            }
            Runtime.getRuntime().halt(0);
        }, "parent-guard");
        guard.setDaemon(true);
        guard.start();
        org.apache.zookeeper.server.quorum.QuorumPeerMain.main(new String[] {cfg});
    }

    /** The sequence's own root, made (if missing) by a short session of its own before step 0. */
    static void makeChroot() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(servers[0], 4000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) up.countDown();
        });
        try {
            if (!up.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("cannot connect to " + servers[0]);
            zk.create(chroot, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // made by an earlier run on this server
        } finally {
            zk.close();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("server")) {
            server(args[1]);
            return;
        }
        tickMs = Integer.parseInt(args[0]);
        chroot = args[1];
        servers = args[2].split(",");
        if (!chroot.equals("-")) makeChroot();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        int k = 0;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            if (line.startsWith("sequence\t")) {
                // A batch: the next sequence, under a chroot of its own, with fresh clients.
                closeAll();
                chroot = line.substring("sequence\t".length());
                makeChroot();
                k = 0;
                step = -1;
                emit("{\"kind\":\"sequence\",\"chroot\":" + q(chroot) + "}");
                continue;
            }
            step = k;
            long t0 = System.nanoTime();
            try {
                run(line.split("\t", -1));
                flush();
            } catch (Exception e) {
                emit("{\"kind\":\"crash\",\"step\":" + k + ",\"detail\":" + q(e.toString()) + "}");
            }
            emit("{\"kind\":\"end\",\"step\":" + k + ",\"ms\":" + (System.nanoTime() - t0) / 1_000_000 + "}");
            k++;
        }
        closeAll();
        System.exit(0);
    }

    static void closeAll() throws Exception {
        for (Client cl : clients.values()) {
            if (!cl.closed) cl.zk.close();
            cl.proxy.ss.close();
        }
        clients.clear();
    }
}
