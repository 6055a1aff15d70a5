package org.chargeflex.gateway.iec104;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.ClientConnectionBuilder;
import org.openmuc.j60870.Connection;
import org.openmuc.j60870.ConnectionEventListener;

/** A j60870 client that queues what it receives. */
final class TestClient implements ConnectionEventListener, AutoCloseable {
    final Connection connection;
    final BlockingQueue<ASdu> received = new LinkedBlockingQueue<>();
    volatile IOException closed;

    TestClient(int port) throws IOException {
        connection = new ClientConnectionBuilder(InetAddress.getLoopbackAddress()).setPort(port)
                .setMaxTimeNoAckReceived(3000).setConnectionTimeout(3000).build();
        connection.setConnectionListener(this);
    }

    TestClient start() throws IOException {
        connection.startDataTransfer(this);
        return this;
    }

    ASdu next() throws InterruptedException {
        ASdu a = received.poll(10, TimeUnit.SECONDS);
        assertThat(a).as("an ASDU within 10 s").isNotNull();
        return a;
    }

    /** Skips ASDUs until one matches. */
    ASdu until(Predicate<ASdu> p) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ASdu a = next();
            if (p.test(a)) {
                return a;
            }
        }
        throw new AssertionError("no matching ASDU");
    }

    /** Everything up to and including the first that matches. */
    List<ASdu> through(Predicate<ASdu> p) throws InterruptedException {
        List<ASdu> list = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ASdu a = next();
            list.add(a);
            if (p.test(a)) {
                return list;
            }
        }
        throw new AssertionError("no terminating ASDU");
    }

    @Override
    public void newASdu(ASdu asdu) {
        received.add(asdu);
    }

    @Override
    public void connectionClosed(IOException e) {
        closed = e == null ? new IOException("closed") : e;
    }

    @Override
    public void dataTransferStateChanged(boolean stopped) {
        // not needed
    }

    @Override
    public void close() {
        connection.close();
    }
}
