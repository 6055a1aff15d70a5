package org.chargeflex.systemtest.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.ASduType;
import org.openmuc.j60870.CauseOfTransmission;
import org.openmuc.j60870.ClientConnectionBuilder;
import org.openmuc.j60870.Connection;
import org.openmuc.j60870.ConnectionEventListener;
import org.openmuc.j60870.ie.IeQualifierOfInterrogation;
import org.openmuc.j60870.ie.IeQualifierOfSetPointCommand;
import org.openmuc.j60870.ie.IeShortFloat;
import org.openmuc.j60870.ie.IeSingleCommand;
import org.openmuc.j60870.ie.InformationObject;

/** A DNO SCADA master over IEC 60870-5-104 (the j60870 client), queueing what the gateway sends. */
public final class ScadaIec104 implements ConnectionEventListener, AutoCloseable {
    public static final int COMMON_ADDRESS = 1;
    private final Connection connection;
    private final BlockingQueue<ASdu> received = new LinkedBlockingQueue<>();

    private ScadaIec104(Connection connection) {
        this.connection = connection;
    }

    /** Connects to 127.0.0.1:{@code port} and starts data transfer (STARTDT). */
    public static ScadaIec104 connect(int port) throws IOException {
        Connection c = new ClientConnectionBuilder(InetAddress.getLoopbackAddress()).setPort(port)
                .setMaxTimeNoAckReceived(5000).setConnectionTimeout(5000).build();
        ScadaIec104 scada = new ScadaIec104(c);
        c.setConnectionListener(scada);
        c.startDataTransfer(scada);
        return scada;
    }

    /** General interrogation (QOI 20); everything up to ACT_TERM. */
    public List<ASdu> interrogate(Duration deadline) throws IOException, InterruptedException {
        received.clear();
        connection.interrogation(COMMON_ADDRESS, CauseOfTransmission.ACTIVATION, new IeQualifierOfInterrogation(20));
        return through(a -> a.getTypeIdentification() == ASduType.C_IC_NA_1
                && a.getCauseOfTransmission() == CauseOfTransmission.ACTIVATION_TERMINATION, deadline);
    }

    /** Select, then execute a short float set-point; returns the execute's confirmation (ACT_CON). */
    public ASdu setPoint(int ioa, float value, Duration deadline) throws IOException, InterruptedException {
        ASdu select = command(ioa, value, true, deadline);
        if (select.isNegativeConfirm()) {
            return select;
        }
        return command(ioa, value, false, deadline);
    }

    /** One C_SE_NC_1 ACT with S/E = select; returns its ACT_CON (negative or not). */
    public ASdu setPoint(int ioa, float value, Duration deadline, boolean select)
            throws IOException, InterruptedException {
        return command(ioa, value, select, deadline);
    }

    private ASdu command(int ioa, float value, boolean select, Duration deadline)
            throws IOException, InterruptedException {
        connection.setShortFloatCommand(COMMON_ADDRESS, CauseOfTransmission.ACTIVATION, ioa, new IeShortFloat(value),
                new IeQualifierOfSetPointCommand(0, select));
        return until(a -> a.getTypeIdentification() == ASduType.C_SE_NC_1
                && a.getCauseOfTransmission() == CauseOfTransmission.ACTIVATION_CON, deadline);
    }

    /** Select, then execute a single command (C_SC_NA_1); returns the execute's confirmation (ACT_CON). */
    public ASdu singleCommand(int ioa, boolean on, Duration deadline) throws IOException, InterruptedException {
        ASdu select = single(ioa, on, true, deadline);
        return select.isNegativeConfirm() ? select : single(ioa, on, false, deadline);
    }

    private ASdu single(int ioa, boolean on, boolean select, Duration deadline)
            throws IOException, InterruptedException {
        connection.singleCommand(COMMON_ADDRESS, CauseOfTransmission.ACTIVATION, ioa,
                new IeSingleCommand(on, 0, select));
        return until(a -> a.getTypeIdentification() == ASduType.C_SC_NA_1
                && a.getCauseOfTransmission() == CauseOfTransmission.ACTIVATION_CON, deadline);
    }

    /** Waits for an ASDU that matches, dropping the others. */
    public ASdu until(Predicate<ASdu> p, Duration deadline) throws InterruptedException {
        List<ASdu> list = through(p, deadline);
        return list.get(list.size() - 1);
    }

    private List<ASdu> through(Predicate<ASdu> p, Duration deadline) throws InterruptedException {
        List<ASdu> list = new ArrayList<>();
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            ASdu a = received.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (a == null) {
                throw new AssertionError("no matching ASDU within " + deadline + "; received " + list.size());
            }
            list.add(a);
            if (p.test(a)) {
                return list;
            }
        }
    }

    /** The value of a short float information object with the address, or null. */
    public static Float floatValue(ASdu a, int ioa) {
        for (InformationObject io : a.getInformationObjects()) {
            if (io.getInformationObjectAddress() == ioa && io.getInformationElements()[0][0] instanceof IeShortFloat f) {
                return f.getValue();
            }
        }
        return null;
    }

    @Override
    public void newASdu(ASdu asdu) {
        received.add(asdu);
    }

    @Override
    public void connectionClosed(IOException e) {
        // the test sees it as missing answers
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
