package org.chargeflex.m3b.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.m3b.protocol.FrameDecoder;
import org.chargeflex.m3b.protocol.M3bCodec;
import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.Message;

/** A bare protocol client: sends requests and collects everything the board sends, in order. */
final class RawHost implements AutoCloseable {
    private final Socket socket;
    final List<Message> received = new CopyOnWriteArrayList<>();
    private int seq;

    RawHost(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(100);
        Thread t = new Thread(this::read, "raw-host");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        FrameDecoder d = new FrameDecoder(f -> {
            try {
                received.add(M3bCodec.decode(f));
            } catch (MalformedMessageException e) {
                throw new AssertionError("the simulator sent a malformed frame", e);
            }
        });
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                int n = socket.getInputStream().read(buf);
                if (n < 0) {
                    return;
                }
                d.feed(buf, 0, n);
            } catch (SocketTimeoutException idle) {
                d.flushStale();
            } catch (IOException e) {
                return;
            }
        }
    }

    void send(Message m) throws IOException {
        socket.getOutputStream().write(M3bCodec.encode(seq++ & 0xFF, m));
    }

    <T extends Message> boolean got(Class<T> type, java.util.function.Predicate<T> p) {
        return received.stream().filter(type::isInstance).map(type::cast).anyMatch(p);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
