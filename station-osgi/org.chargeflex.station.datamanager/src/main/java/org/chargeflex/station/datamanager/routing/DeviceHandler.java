package org.chargeflex.station.datamanager.routing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;
import org.chargeflex.station.api.driver.DriverService;
import org.chargeflex.station.datamanager.config.DeviceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver manager's part for one device: opens its connection through the driver, samples, listens, reads and
 * writes on the device's own thread ({@link DeviceWorker}) and applies the driver error contract: a
 * {@link ConnectionException} or an unchecked exception closes the connection and reconnects with {@link Backoff};
 * an {@link ArgumentSyntaxException} on connect stops until the configuration changes; a call that outlives the
 * driver timeout is flagged {@link Flag#TIMEOUT}, and after {@value #MAX_CONSECUTIVE_TIMEOUTS} in a row the connection
 * (and the thread stuck in it) is abandoned and reopened.
 */
public final class DeviceHandler {
    static final int MAX_CONSECUTIVE_TIMEOUTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHandler.class);

    private enum State {
        NO_DRIVER, CONNECTING, CONNECTED, WAITING_FOR_RETRY, INVALID_ADDRESS, STOPPED
    }

    private final DeviceSpec spec;
    private final List<ChannelImpl> channels;
    private final DeviceContext ctx;
    private final Backoff backoff = new Backoff();
    private final Sampler sampler;
    private final DeviceCalls calls = new DeviceCalls(this);
    private final AtomicInteger consecutiveTimeouts = new AtomicInteger();
    private volatile Session session;
    private volatile DeviceWorker worker;
    // guarded by this:
    private State state = State.NO_DRIVER;
    private DriverService driver;
    private Object attempt;
    private CompletableFuture<Void> connectDone = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> retry;

    public DeviceHandler(DeviceSpec spec, List<ChannelImpl> channels, DeviceContext ctx) {
        this.spec = spec;
        this.channels = List.copyOf(channels);
        this.ctx = ctx;
        this.sampler = new Sampler(this, ctx.scheduler());
        this.worker = newWorker();
    }

    public DeviceSpec spec() {
        return spec;
    }

    String name() {
        return spec.key().toString();
    }

    // ---------------------------------------------------------------- life cycle

    /** Starts with the driver currently registered for the device's driver id (null: none). */
    public synchronized void start(DriverService currentDriver) {
        driver = currentDriver;
        if (currentDriver == null) {
            state = State.NO_DRIVER;
            LOG.info("Device {}: driver '{}' is not available", name(), spec.driverId());
            flagAll(Flag.DRIVER_UNAVAILABLE);
        } else {
            connect();
        }
    }

    /** The driver service for the device's driver id appeared, went away (null) or was replaced. */
    public void setDriver(DriverService newDriver) {
        Connection toClose;
        synchronized (this) {
            if (state == State.STOPPED || newDriver == driver) {
                return;
            }
            toClose = detach();
            driver = newDriver;
            if (newDriver == null) {
                state = State.NO_DRIVER;
                LOG.warn("Device {}: driver '{}' went away", name(), spec.driverId());
                flagAll(Flag.DRIVER_UNAVAILABLE);
            } else {
                LOG.info("Device {}: driver '{}' is available", name(), spec.driverId());
                backoff.reset();
                connect();
            }
        }
        closeQuietly(toClose);
    }

    /** Closes the connection and stops all activity for good (device removed, changed or shutdown). */
    public void stop() {
        Connection toClose;
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            toClose = detach();
            state = State.STOPPED;
            worker.shutdownNow();
        }
        closeQuietly(toClose);
    }

    /** Holding the lock: forgets the session, the pending attempt and retry; returns the connection to close. */
    private Connection detach() {
        attempt = null;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        sampler.stop();
        connectDone.complete(null);
        Session s = session;
        session = null;
        return s == null ? null : s.connection;
    }

    private void connect() {
        state = State.CONNECTING;
        Object token = new Object();
        attempt = token;
        CompletableFuture<Void> done = new CompletableFuture<>();
        connectDone = done;
        DriverService d = driver;
        DeviceConfig config = spec.toDeviceConfig();
        worker.call(() -> d.connect(config), timeout(), DeviceHandler::closeQuietly, (conn, error) -> {
            try {
                onConnectOutcome(token, conn, error);
            } catch (RuntimeException e) {
                LOG.error("Device {}: handling the connect outcome failed", name(), e);
            } finally {
                done.complete(null);
            }
            return null;
        });
    }

    private void onConnectOutcome(Object token, Connection conn, Throwable error) {
        Connection unwanted = null;
        synchronized (this) {
            if (token != attempt) {
                unwanted = conn;
            } else {
                attempt = null;
                if (error == null && conn != null) {
                    connected(conn);
                } else {
                    connectFailed(error == null ? new IllegalStateException("connect returned no connection")
                            : unwrap(error));
                }
            }
        }
        closeQuietly(unwanted);
    }

    private void connected(Connection conn) {
        Session s = new Session(conn, channels);
        session = s;
        state = State.CONNECTED;
        LOG.info("Device {} connected", name());
        for (ChannelImpl ch : channels) {
            Flag latest = ch.getLatestRecord().getFlag();
            if (ch.config().samplingIntervalMillis() == 0 && latest != Flag.VALID
                    && latest != Flag.NO_VALUE_RECEIVED_YET) {
                ch.flag(Flag.NO_VALUE_RECEIVED_YET);
            }
        }
        sampler.start(s, channels);
        calls.startListening(s);
    }

    private void connectFailed(Throwable cause) {
        if (cause instanceof StaleCallException) {
            return; // stopping
        }
        if (cause instanceof ArgumentSyntaxException) {
            state = State.INVALID_ADDRESS;
            LOG.error("Device {}: driver '{}' rejects the device address or settings, not retrying until the "
                    + "configuration changes: {}", name(), spec.driverId(), cause.getMessage());
            flagAll(Flag.INVALID_CHANNEL_ADDRESS);
            return;
        }
        Flag flag;
        if (cause instanceof TimeoutException) {
            flag = Flag.TIMEOUT;
            LOG.warn("Device {}: connect did not answer in time", name());
            if (consecutiveTimeouts.incrementAndGet() >= MAX_CONSECUTIVE_TIMEOUTS) {
                consecutiveTimeouts.set(0);
                replaceWorker();
            }
        } else if (cause instanceof ConnectionException) {
            flag = Flag.CONNECTION_EXCEPTION;
            LOG.warn("Device {}: cannot connect: {}", name(), cause.getMessage());
        } else {
            flag = Flag.DRIVER_THREW_UNKNOWN_EXCEPTION;
            LOG.error("Device {}: driver '{}' threw while connecting", name(), spec.driverId(), cause);
        }
        flagAll(flag);
        scheduleRetry();
    }

    private void scheduleRetry() {
        DeviceTiming t = ctx.timing().get();
        long delay = backoff.next(t.reconnectMinMillis(), t.reconnectMaxMillis());
        state = State.WAITING_FOR_RETRY;
        flagAll(Flag.WAITING_FOR_CONNECTION_RETRY);
        LOG.info("Device {}: next connection attempt in {} ms", name(), delay);
        try {
            retry = ctx.scheduler().schedule(this::retryNow, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Device {}: no retry, the data manager is shutting down", name(), e);
        }
    }

    private synchronized void retryNow() {
        retry = null;
        if (state == State.WAITING_FOR_RETRY) {
            connect();
        }
    }

    /** The session's connection is broken: close it, flag the channels and reconnect with back-off. */
    void sessionFailed(Session failed, Flag cause, Throwable error) {
        Connection toClose;
        synchronized (this) {
            if (failed != session || state != State.CONNECTED) {
                return;
            }
            if (cause == Flag.DRIVER_THREW_UNKNOWN_EXCEPTION) {
                LOG.error("Device {}: driver '{}' threw an unexpected exception; treating the connection as broken",
                        name(), spec.driverId(), error);
            } else if (error != null) {
                LOG.warn("Device {}: connection broken: {}", name(), error.getMessage());
            }
            toClose = detach();
            flagAll(cause);
            scheduleRetry();
        }
        closeQuietly(toClose);
    }

    boolean isCurrent(Session s) {
        return s != null && s == session;
    }

    /**
     * Stores results of a call only while its session is still the current one, atomically with respect to a
     * disconnect, so that a late result never overwrites the flags of a failure or a driver that went away.
     */
    synchronized boolean ifCurrent(Session s, Runnable store) {
        if (!isCurrent(s)) {
            return false;
        }
        store.run();
        return true;
    }

    synchronized Flag stateFlag() {
        return switch (state) {
            case NO_DRIVER, STOPPED -> Flag.DRIVER_UNAVAILABLE;
            case CONNECTING -> Flag.CONNECTING;
            case WAITING_FOR_RETRY -> Flag.WAITING_FOR_CONNECTION_RETRY;
            case INVALID_ADDRESS -> Flag.INVALID_CHANNEL_ADDRESS;
            case CONNECTED -> Flag.CONNECTION_EXCEPTION; // the call's connection was replaced meanwhile
        };
    }

    // ---------------------------------------------------------------- calls on the connection (see DeviceCalls)

    /** Reads one channel synchronously; the answer is the stored record or the reason there is none. */
    public Record read(ChannelImpl ch) {
        return calls.read(ch);
    }

    /** Writes an un-scaled value synchronously; the answer is the driver's flag or the reason it was not asked. */
    public Flag write(ChannelImpl ch, Value driverValue) {
        return calls.write(ch, driverValue);
    }

    CompletableFuture<List<Record>> readChannels(Session s, List<ChannelImpl> group) {
        return calls.readChannels(s, group);
    }

    DeviceWorker worker() {
        return worker;
    }

    long timeout() {
        return ctx.timing().get().driverTimeoutMillis();
    }

    long now() {
        return ctx.clock().millis();
    }

    void callSucceeded() {
        consecutiveTimeouts.set(0);
        backoff.reset();
    }

    void callTimedOut(Session s) {
        synchronized (this) {
            if (consecutiveTimeouts.incrementAndGet() < MAX_CONSECUTIVE_TIMEOUTS || !isCurrent(s)) {
                return;
            }
            consecutiveTimeouts.set(0);
            LOG.warn("Device {}: {} calls in a row timed out; reopening the connection", name(),
                    MAX_CONSECUTIVE_TIMEOUTS);
            replaceWorker();
        }
        sessionFailed(s, Flag.TIMEOUT, null);
    }

    void ensureCurrent(Session s) {
        if (session != s) {
            throw new StaleCallException("the connection was replaced");
        }
    }

    /** Waits for a connect in progress (so a read right after start-up is not refused); the session or null. */
    Session awaitSession() {
        CompletableFuture<Void> pending;
        synchronized (this) {
            if (state != State.CONNECTING) {
                return session;
            }
            pending = connectDone;
        }
        DeviceCalls.await(pending, null, timeout(), name());
        return session;
    }

    // ---------------------------------------------------------------- helpers

    private void replaceWorker() {
        DeviceWorker old = worker;
        worker = newWorker();
        old.shutdownNow();
    }

    private DeviceWorker newWorker() {
        return new DeviceWorker("chargeflex-dm-" + name(), ctx.scheduler());
    }

    private void flagAll(Flag flag) {
        channels.forEach(ch -> ch.flag(flag));
    }

    static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing a connection threw (drivers must not)", e);
        }
    }
}
