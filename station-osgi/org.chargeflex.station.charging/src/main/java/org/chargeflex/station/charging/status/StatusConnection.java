package org.chargeflex.station.charging.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelScanInfo;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;
import org.chargeflex.station.charging.GridLimit;

/**
 * A connection of the {@code charging} driver to one device address (an outlet id, or {@code station}). All channels
 * are read-only except the station's grid limit {@value #GRID_LIMIT}; listening channels get every change pushed.
 */
final class StatusConnection implements Connection, StatusBoard.Listener {
    static final Set<String> OUTLET_ADDRESSES = new TreeSet<>(List.of("session/state", "session/last_transition",
            "session/last_transition_time", "session/transitions", "session/session_id", "session/user",
            "session/schedule_id", "session/limit_source", "session/target_limit_a", "session/applied_limit_a",
            "session/schedule_power_w", "session/last_cio_limit_a", "session/last_cio_contact", "session/cio_online",
            "session/refused_schedules", "session/last_refusal", "session/energy_wh", "session/meter_values_queued",
            "session/last_stop_seq"));
    static final String GRID_LIMIT = "grid/limit_w";
    static final Set<String> STATION_ADDRESSES = new TreeSet<>(List.of("outbox/pending", "outbox/last_seq",
            "outbox/delivered_seq", "outbox/dropped_samples", "outbox/rejected_items", "outbox/last_error",
            GRID_LIMIT));

    static final String STATION = "station";
    private final StatusBoard board;
    private final String device;
    private final Set<String> known;
    private final GridLimit grid;
    private volatile List<ChannelRecordContainer> listening = List.of();
    private volatile RecordsReceivedListener listener;
    private volatile boolean closed;

    StatusConnection(StatusBoard board, String device, GridLimit grid) {
        this.board = board;
        this.device = device;
        this.grid = grid;
        this.known = STATION.equals(device) ? STATION_ADDRESSES : OUTLET_ADDRESSES;
        board.addListener(this);
    }

    @Override
    public void read(List<ChannelRecordContainer> containers) throws ConnectionException {
        check();
        long now = System.currentTimeMillis();
        for (ChannelRecordContainer c : containers) {
            c.setRecord(current(c, now));
        }
    }

    private Record current(ChannelRecordContainer c, long now) {
        if (!known.contains(c.getChannelAddress())) {
            return Record.of(Flag.INVALID_CHANNEL_ADDRESS, now);
        }
        Record r = board.record(device, c.getChannelAddress());
        if (r == null) {
            return Record.of(Flag.NO_VALUE_RECEIVED_YET, now);
        }
        try {
            return new Record(r.getValue().convertTo(c.getValueType()), r.getTimestamp());
        } catch (TypeConversionException e) {
            return Record.of(Flag.INVALID_VALUE, now);
        }
    }

    @Override
    public void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener l)
            throws ConnectionException {
        check();
        listening = List.copyOf(containers);
        listener = l;
        changed(device, new ArrayList<>(known));
    }

    @Override
    public void changed(String deviceAddress, List<String> addresses) {
        RecordsReceivedListener l = listener;
        if (closed || l == null || !device.equals(deviceAddress)) {
            return;
        }
        List<ChannelRecordContainer> pushed = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (ChannelRecordContainer c : listening) {
            if (addresses.contains(c.getChannelAddress()) && board.record(device, c.getChannelAddress()) != null) {
                c.setRecord(current(c, now));
                pushed.add(c);
            }
        }
        if (!pushed.isEmpty()) {
            l.newRecords(pushed);
        }
    }

    @Override
    public void write(List<ChannelValueContainer> containers) throws ConnectionException {
        check();
        for (ChannelValueContainer c : containers) {
            if (STATION.equals(device) && GRID_LIMIT.equals(c.getChannelAddress())) {
                Flag f = grid.set(c.getValue());
                c.setFlag(f);
                if (f == Flag.VALID) {
                    publishGridLimit(board, grid);
                }
            } else {
                c.setFlag(Flag.ACCESS_DENIED);
            }
        }
    }

    /** Publishes the grid limit in force (W, -1 = none) as the station's {@value #GRID_LIMIT}. */
    static void publishGridLimit(StatusBoard board, GridLimit grid) {
        board.publish(STATION, Map.of(GRID_LIMIT, Value.of(grid.limitW())));
    }

    @Override
    public List<ChannelScanInfo> scanForChannels() throws ConnectionException {
        check();
        List<ChannelScanInfo> out = new ArrayList<>();
        for (String a : known) {
            boolean gridLimit = STATION.equals(device) && GRID_LIMIT.equals(a);
            out.add(new ChannelScanInfo(a, gridLimit ? "station grid limit, W (-1 = none)" : "charging status " + a,
                    gridLimit ? ValueType.DOUBLE : ValueType.STRING, true, gridLimit));
        }
        return out;
    }

    private void check() throws ConnectionException {
        if (closed) {
            throw new ConnectionException("charging status connection is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        listener = null;
        board.removeListener(this);
    }
}
