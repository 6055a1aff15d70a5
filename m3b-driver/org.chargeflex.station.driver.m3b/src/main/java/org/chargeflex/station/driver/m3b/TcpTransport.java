package org.chargeflex.station.driver.m3b;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The board's serial line behind a serial-to-TCP server (ser2net pattern). */
final class TcpTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String description;

    TcpTransport(String host, int port, int connectTimeoutMillis) throws IOException {
        this.description = "tcp://" + host + ":" + port;
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            s.setTcpNoDelay(true);
            s.setSoTimeout(100);
            this.in = s.getInputStream();
            this.out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        this.socket = s;
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (SocketTimeoutException idle) {
            return 0;
        }
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("m3b: closing {} failed: {}", description, e.getMessage());
        }
    }
}
