package org.chargeflex.gateway.iec61850.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.chargeflex.gateway.core.server.CustomServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server sockets that accept only connections from configured addresses (others are closed at once and logged) and
 * remember the connected peers (the write callback has no association, so commands are logged with them).
 */
public final class AllowListSocketFactory extends CustomServerSocketFactory {
    private static final Logger LOG = LoggerFactory.getLogger(AllowListSocketFactory.class);

    private final Set<InetAddress> allowed;
    private final Set<Socket> peers = ConcurrentHashMap.newKeySet();

    public AllowListSocketFactory(Set<InetAddress> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The connected peers, for the command log. */
    public String peers() {
        peers.removeIf(Socket::isClosed);
        return peers.stream().map(s -> String.valueOf(s.getRemoteSocketAddress())).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    protected ServerSocket newServerSocket() throws IOException {
        return new Filtering();
    }

    private final class Filtering extends ServerSocket {
        Filtering() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            while (true) {
                Socket s = super.accept();
                if (allowed.contains(s.getInetAddress())) {
                    peers.add(s);
                    LOG.info("IEC 61850 connection from {}", s.getRemoteSocketAddress());
                    return s;
                }
                LOG.warn("Refused IEC 61850 connection from {} (not a configured SCADA address)",
                        s.getRemoteSocketAddress());
                s.close();
            }
        }
    }
}
