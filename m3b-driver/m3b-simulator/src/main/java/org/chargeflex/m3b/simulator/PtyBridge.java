package org.chargeflex.m3b.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board on a pseudo-terminal: {@code socat} creates a pty (reachable through a symlink) and bridges it to the
 * simulator's TCP port. A pty master sees an error when the host closes the slave, which ends socat; the bridge then
 * starts it again on the same link, so a driver can close and reopen the "serial port" as with real hardware.
 */
final class PtyBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PtyBridge.class);
    private final Path link;
    private final int tcpPort;
    private final Thread supervisor;
    private volatile Process socat;
    private volatile boolean closed;

    private PtyBridge(Path link, int tcpPort) {
        this.link = link;
        this.tcpPort = tcpPort;
        this.supervisor = new Thread(this::supervise, "m3b-sim-pty");
        supervisor.setDaemon(true);
    }

    /** True when a {@code socat} executable is on the PATH. */
    static boolean socatAvailable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    /** Starts socat and waits until the link exists. */
    static PtyBridge start(Path link, int tcpPort) throws IOException {
        if (!socatAvailable()) {
            throw new IOException("socat is not installed (apt-get install socat); it is needed for the pty");
        }
        PtyBridge b = new PtyBridge(link.toAbsolutePath(), tcpPort);
        b.launch();
        b.awaitLink();
        b.supervisor.start();
        return b;
    }

    Path link() {
        return link;
    }

    private void launch() throws IOException {
        Files.deleteIfExists(link);
        socat = new ProcessBuilder(List.of("socat", "PTY,link=" + link + ",raw,echo=0",
                "TCP:127.0.0.1:" + tcpPort)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void awaitLink() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(link)) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pty link " + link);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + link, e);
            }
        }
    }

    private void supervise() {
        while (!closed) {
            try {
                socat.waitFor();
                if (!closed) {
                    LOG.debug("simulator: socat ended (host closed the pty); restarting it on {}", link);
                    launch();
                    awaitLink();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.warn("simulator: could not restart socat on {}", link, e);
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Process p = socat;
        if (p != null) {
            p.destroy();
        }
        supervisor.interrupt();
        try {
            Files.deleteIfExists(link);
        } catch (IOException e) {
            LOG.debug("simulator: could not delete {}: {}", link, e.getMessage());
        }
    }
}
