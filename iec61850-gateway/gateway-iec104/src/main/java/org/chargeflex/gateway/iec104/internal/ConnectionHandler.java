package org.chargeflex.gateway.iec104.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.Connection;
import org.openmuc.j60870.ConnectionEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCADA connection: answers its requests through a {@link CommandProcessor} and sends it spontaneous changes,
 * but only while data transfer is started (STARTDT). All sends go through one sender thread per connection, so
 * neither the library's reader nor the core's poller ever blocks on this client's socket.
 */
public final class ConnectionHandler implements ConnectionEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Connection connection;
    private final String peer;
    private final CommandProcessor processor;
    private final Consumer<ConnectionHandler> onClose;
    private final ExecutorService sender;
    private volatile boolean started;

    public ConnectionHandler(Connection connection, CommandProcessor processor, Consumer<ConnectionHandler> onClose) {
        this.connection = connection;
        this.peer = String.valueOf(connection.getRemoteSocketAddress());
        this.processor = processor;
        this.onClose = onClose;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "iec104-sender-" + peer);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes over the connection. The library may have handled a STARTDT before the listener was set (then it told
     * nobody), so the state is read back after setting it.
     */
    public void begin() {
        connection.setConnectionListener(this);
        if (!connection.isStopped()) {
            dataTransferStateChanged(false);
        }
    }

    public String peer() {
        return peer;
    }

    /** Spontaneous data; dropped unless data transfer is started. */
    public void spontaneous(List<ASdu> asdus) {
        if (started && !asdus.isEmpty()) {
            submit(() -> send(asdus, true));
        }
    }

    @Override
    public void newASdu(ASdu asdu) {
        // processed on the sender thread: the answers leave before any change the command causes
        submit(() -> send(processor.process(asdu, peer), false));
    }

    private void submit(Runnable task) {
        try {
            sender.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("IEC 104 connection {} is closed; dropping its output", peer);
        }
    }

    @Override
    public void connectionClosed(IOException e) {
        LOG.info("IEC 104 connection from {} closed: {}", peer, e == null ? "by the server" : e.getMessage());
        close();
    }

    /** Called by the library with {@code stopped = false} on STARTDT and {@code true} on STOPDT. */
    @Override
    public void dataTransferStateChanged(boolean stopped) {
        started = !stopped;
        LOG.info("IEC 104 data transfer {} for {}", stopped ? "stopped" : "started", peer);
    }

    /** Closes the connection and the sender. */
    public void close() {
        started = false;
        sender.shutdownNow();
        connection.close();
        onClose.accept(this);
    }

    private void send(List<ASdu> asdus, boolean onlyIfStarted) {
        try {
            for (ASdu a : asdus) {
                if (onlyIfStarted && !started) {
                    return;
                }
                connection.send(a);
            }
        } catch (IOException e) {
            LOG.info("IEC 104 send to {} failed, closing: {}", peer, e.getMessage());
            close();
        }
    }
}
