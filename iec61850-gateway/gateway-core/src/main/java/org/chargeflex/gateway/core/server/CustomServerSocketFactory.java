package org.chargeflex.gateway.core.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;

/**
 * A {@link ServerSocketFactory} whose server sockets are a subclass (filtering or wrapping what {@code accept}
 * returns). Bound sockets have {@code SO_REUSEADDR} set; the default backlog is 50, as in {@link ServerSocket}.
 */
public abstract class CustomServerSocketFactory extends ServerSocketFactory {

    /** A new, unbound server socket. */
    protected abstract ServerSocket newServerSocket() throws IOException;

    @Override
    public final ServerSocket createServerSocket() throws IOException {
        return newServerSocket();
    }

    @Override
    public final ServerSocket createServerSocket(int port) throws IOException {
        return createServerSocket(port, 50, null);
    }

    @Override
    public final ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return createServerSocket(port, backlog, null);
    }

    @Override
    public final ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddr) throws IOException {
        ServerSocket s = newServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bindAddr, port), backlog);
        return s;
    }
}
