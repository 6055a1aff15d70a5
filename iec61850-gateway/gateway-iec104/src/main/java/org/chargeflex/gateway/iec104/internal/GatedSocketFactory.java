package org.chargeflex.gateway.iec104.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.chargeflex.gateway.core.server.CustomServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server sockets whose accepted connections are not read until the gateway has taken them over. j60870 starts
 * reading a connection in the constructor, before its fields are set and before the server's listener is told of it:
 * a STARTDT or command arriving at once was lost (or killed the reader). Reads of an accepted socket wait until
 * {@link #open} is called for its peer (after the connection listener is set), at most {@link #MAX_WAIT_MS}.
 */
public final class GatedSocketFactory extends CustomServerSocketFactory {
    static final long MAX_WAIT_MS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(GatedSocketFactory.class);

    private final Map<SocketAddress, GatedSocket> waiting = new ConcurrentHashMap<>();

    /** Lets the library read the connection from this peer. */
    public void open(SocketAddress peer) {
        GatedSocket s = waiting.remove(peer);
        if (s != null) {
            s.gate.countDown();
        }
    }

    @Override
    protected ServerSocket newServerSocket() throws IOException {
        return new GatedServerSocket();
    }

    private final class GatedServerSocket extends ServerSocket {
        GatedServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            GatedSocket s = new GatedSocket();
            implAccept(s);
            waiting.put(s.getRemoteSocketAddress(), s);
            return s;
        }
    }

    private final class GatedSocket extends Socket {
        private final CountDownLatch gate = new CountDownLatch(1);
        private InputStream in;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new GatedInputStream(super.getInputStream());
            }
            return in;
        }

        @Override
        public synchronized void close() throws IOException {
            waiting.remove(getRemoteSocketAddress(), this);
            gate.countDown();
            super.close();
        }

        private final class GatedInputStream extends FilterInputStream {
            GatedInputStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                await();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                await();
                return super.read(b, off, len);
            }

            private void await() throws IOException {
                try {
                    if (!gate.await(MAX_WAIT_MS, TimeUnit.MILLISECONDS)) {
                        LOG.warn("IEC 104 connection from {} was not taken over in time; reading anyway",
                                getRemoteSocketAddress());
                        gate.countDown();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }
}
