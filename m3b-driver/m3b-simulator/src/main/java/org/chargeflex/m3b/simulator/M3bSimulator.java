package org.chargeflex.m3b.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CpState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The M3B board with one simulated EV per outlet, speaking the M3B protocol over TCP (and over a pty through socat).
 * For tests, the demo and the stand-alone command ({@link Main}):
 *
 * <pre>
 * try (M3bSimulator sim = M3bSimulator.builder().outlets(2).build().startTcp(0)) {
 *     connect a driver to "tcp://127.0.0.1:" + sim.tcpPort();
 *     sim.plugIn(1, EvSpec.builder().soc(0.3).build());
 *     sim.injectCpShort(1);
 * }
 * </pre>
 *
 * Physics advance every tick (default 50 ms) of wall-clock time, multiplied by the time scale for energy and state of
 * charge. All methods are thread-safe.
 */
public final class M3bSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(M3bSimulator.class);
    private final Board board;
    private final LineFaults faults = new LineFaults();
    private final ScheduledExecutorService ticker;
    private final LongSupplier clock = System::currentTimeMillis;
    private final InetAddress bind;
    private volatile BoardServer server;
    private volatile PtyBridge pty;

    private M3bSimulator(Builder b) {
        this.bind = b.bind;
        this.board = new Board(b.outlets, b.timeScale, b.seed, this::event, clock.getAsLong());
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "m3b-sim-tick");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, b.tickMillis, b.tickMillis, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    private void tick() {
        try {
            board.tick(clock.getAsLong());
        } catch (RuntimeException e) {
            LOG.error("simulator: tick failed", e);
        }
    }

    private void event(org.chargeflex.m3b.protocol.Message m) {
        BoardServer s = server;
        if (s != null) {
            s.event(m);
        }
    }

    /** Listens on a TCP port (0 picks a free one; see {@link #tcpPort()}). */
    public M3bSimulator startTcp(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the TCP server is already running on port " + server.port());
        }
        server = new BoardServer(bind, port, board, faults, clock);
        LOG.info("simulator: M3B board with {} outlet(s) on tcp://{}:{}", board.outletCount(),
                bind.getHostAddress(), server.port());
        return this;
    }

    public int tcpPort() {
        return requireServer().port();
    }

    /**
     * Also offers the board on a pseudo-terminal reachable at {@code link} (needs {@code socat}; starts TCP on a free
     * port first if needed).
     */
    public Path startPty(Path link) throws IOException {
        if (server == null) {
            startTcp(0);
        }
        pty = PtyBridge.start(link, server.port());
        LOG.info("simulator: M3B board on pty {}", link);
        return pty.link();
    }

    /** True when socat is installed, i.e. {@link #startPty} can work. */
    public static boolean ptySupported() {
        return PtyBridge.socatAvailable();
    }

    // --- EVs and users --------------------------------------------------------------------------------------------

    /** An EV arrives and plugs in; presents its user id, if it has one. */
    public void plugIn(int outlet, EvSpec ev) {
        board.plugIn(outlet, ev);
    }

    /** The EV departs (also abruptly, mid-charge). */
    public void unplug(int outlet) {
        board.unplug(outlet);
    }

    /** A user holds an RFID card to the reader of an outlet. */
    public void presentId(int outlet, String userId) {
        board.presentId(outlet, userId);
    }

    /** The EV sends a CAN frame to the station through the board's CAN tunnel. */
    public void sendCanFromEv(int outlet, CanFrame frame) {
        board.canFromEv(outlet, frame);
    }

    /**
     * Pushes {@code count} meter samples of an outlet back to back on the calling thread, as fast as the line takes
     * them (benchmarks of the host's event handling). Samples go out only while a host session is open.
     *
     * @return how many samples were sent
     */
    public int pushMeterSamples(int outlet, int count) {
        return board.meterBurst(outlet, count);
    }

    // --- faults ---------------------------------------------------------------------------------------------------

    /** CP shorted to PE: state E and fault CP_SHORT until {@link #clearCpFault}. */
    public void injectCpShort(int outlet) {
        board.injectCp(outlet, CpState.E);
    }

    /** The EV's diode fails: state F and fault DIODE_FAULT until {@link #clearCpFault}. */
    public void injectDiodeFault(int outlet) {
        board.injectCp(outlet, CpState.F);
    }

    public void clearCpFault(int outlet) {
        board.injectCp(outlet, null);
    }

    /** The board resets (watchdog): new boot id, BOOT event, session gone, outlets safe. */
    public void resetBoard() {
        board.reset(clock.getAsLong());
    }

    /** The board corrupts the CRC of the next frames it sends. */
    public void corruptNextFrames(int count) {
        faults.corruptNext(count);
    }

    /** The board's next frames are lost on the line. */
    public void dropNextFrames(int count) {
        faults.dropNext(count);
    }

    /** The board hears nothing from the host for a while (its heartbeats included). */
    public void ignoreHostFor(long millis) {
        faults.deafFor(clock.getAsLong(), millis);
    }

    /** The link to the host drops (TCP connection closed), e.g. mid-charge. */
    public void disconnectHost() {
        BoardServer s = server;
        if (s != null) {
            s.disconnectHost();
        }
    }

    /** Switches the board's own interlock (opening the contactor in A/B/E/F and on faults) on or off. */
    public void setBoardInterlock(boolean on) {
        board.setInterlock(on);
    }

    // --- observation ----------------------------------------------------------------------------------------------

    public OutletView outlet(int outlet) {
        return board.view(outlet);
    }

    public int outletCount() {
        return board.outletCount();
    }

    /** True while a host has completed the handshake and keeps sending heartbeats. */
    public boolean sessionOpen() {
        return board.sessionOpen();
    }

    /** How often the board went safe because the host fell silent. */
    public int wentSafeCount() {
        return board.wentSafeCount();
    }

    /** Boots so far, the first power-on included. */
    public int bootCount() {
        return board.bootCount();
    }

    public boolean hostConnected() {
        BoardServer s = server;
        return s != null && s.hostConnected();
    }

    /** TCP connections accepted so far. */
    public int connectionCount() {
        BoardServer s = server;
        return s == null ? 0 : s.connectionCount();
    }

    private BoardServer requireServer() {
        BoardServer s = server;
        if (s == null) {
            throw new IllegalStateException("the simulator is not listening; call startTcp first");
        }
        return s;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        PtyBridge p = pty;
        if (p != null) {
            p.close();
        }
        BoardServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** Defaults: 2 outlets, real time (scale 1), 50 ms ticks, bound to the loopback interface. */
    public static final class Builder {
        private int outlets = 2;
        private double timeScale = 1;
        private long tickMillis = 50;
        private long seed = 1;
        private InetAddress bind = InetAddress.getLoopbackAddress();

        public Builder outlets(int n) {
            if (n < 1 || n > 16) {
                throw new IllegalArgumentException("outlets must be 1..16, got " + n);
            }
            this.outlets = n;
            return this;
        }

        /** Simulated seconds per real second for energy and state of charge (e.g. 60: a minute per second). */
        public Builder timeScale(double scale) {
            if (!(scale > 0 && scale <= 10_000)) {
                throw new IllegalArgumentException("time scale must be in (0, 10000], got " + scale);
            }
            this.timeScale = scale;
            return this;
        }

        public Builder tickMillis(long millis) {
            if (millis < 5 || millis > 1000) {
                throw new IllegalArgumentException("tick must be 5..1000 ms, got " + millis);
            }
            this.tickMillis = millis;
            return this;
        }

        /** Seed of the measurement noise and boot ids, for repeatable runs. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The address to listen on; the loopback interface unless set (the simulator has no authentication). */
        public Builder bind(InetAddress address) {
            this.bind = java.util.Objects.requireNonNull(address, "address");
            return this;
        }

        public M3bSimulator build() {
            return new M3bSimulator(this);
        }
    }
}
