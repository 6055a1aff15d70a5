package org.chargeflex.station.driver.m3b;

import java.io.IOException;

/** A byte pipe to the board: a TCP socket or a serial port. */
interface Transport extends AutoCloseable {

    /**
     * Reads what has arrived, waiting up to about 100 ms.
     *
     * @return the number of bytes read, 0 when the line stayed idle, -1 when the peer closed the link
     */
    int read(byte[] buffer) throws IOException;

    void write(byte[] data) throws IOException;

    String describe();

    /** Idempotent; unblocks a pending read. */
    @Override
    void close();
}
