package org.chargeflex.station.driver.virtual;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelScanInfo;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.RecordsReceivedListener;

/**
 * A connection to a virtual device. Channel addresses:
 * <ul>
 * <li>{@code constant} (parameter {@code value}): always that value, in the channel's type;</li>
 * <li>{@code ramp} ({@code min}, {@code max}, {@code periodMillis}) and {@code sine} ({@code amplitude},
 * {@code offset}, {@code periodMillis}): signals over wall-clock time; read-only;</li>
 * <li>{@code register} ({@code name}, optional {@code initial}): keeps what is written; listening channels of the
 * register get every write pushed;</li>
 * <li>{@code slow} (same as register plus {@code delayMillis}): every access first waits that long.</li>
 * </ul>
 */
final class VirtualConnection implements Connection {
    private final RegisterBank bank;
    private final LongSupplier clock;
    private volatile List<ChannelRecordContainer> listening = List.of();
    private volatile RecordsReceivedListener listener;
    private volatile boolean closed;

    VirtualConnection(RegisterBank bank, LongSupplier clock) {
        this.bank = bank;
        this.clock = clock;
    }

    @Override
    public void read(List<ChannelRecordContainer> containers) throws ConnectionException {
        checkOpen();
        for (ChannelRecordContainer c : containers) {
            c.setRecord(readOne(c));
        }
    }

    private Record readOne(ChannelRecordContainer c) throws ConnectionException {
        long now = clock.getAsLong();
        try {
            return switch (c.getChannelAddress()) {
                case "constant" -> new Record(parse(c.getParameters().get("value"), c.getValueType()), now);
                case "ramp", "sine" -> new Record(Value.of(Signal.parse(c.getChannelAddress(), c.getParameters())
                        .valueAt(now)).convertTo(c.getValueType()), now);
                case "register", "slow" -> {
                    delay(c.getChannelAddress(), c.getParameters());
                    Value v = register(c);
                    yield v == null ? Record.of(Flag.NO_VALUE_RECEIVED_YET, now) : new Record(v, now);
                }
                default -> Record.of(Flag.INVALID_CHANNEL_ADDRESS, now);
            };
        } catch (ArgumentSyntaxException e) {
            return Record.of(Flag.INVALID_CHANNEL_ADDRESS, now);
        } catch (TypeConversionException e) {
            return Record.of(Flag.INVALID_VALUE, now);
        }
    }

    private Value register(ChannelRecordContainer c) throws ArgumentSyntaxException {
        String name = registerName(c.getParameters());
        String initial = c.getParameters().get("initial");
        Value v = bank.get(name);
        if (v == null && initial != null) {
            v = bank.initialize(name, parse(initial, c.getValueType()));
        }
        return v;
    }

    @Override
    public void startListening(List<ChannelRecordContainer> containers, RecordsReceivedListener l)
            throws ConnectionException {
        checkOpen();
        List<ChannelRecordContainer> accepted = new ArrayList<>();
        for (ChannelRecordContainer c : containers) {
            String a = c.getChannelAddress();
            if (a.equals("register") || a.equals("slow")) {
                accepted.add(c);
            } else {
                c.setRecord(Record.of(Flag.ACCESS_DENIED, clock.getAsLong()));
            }
        }
        listening = List.copyOf(accepted);
        listener = l;
    }

    @Override
    public void write(List<ChannelValueContainer> containers) throws ConnectionException {
        checkOpen();
        List<ChannelRecordContainer> pushed = new ArrayList<>();
        for (ChannelValueContainer c : containers) {
            String a = c.getChannelAddress();
            if (!a.equals("register") && !a.equals("slow")) {
                c.setFlag(a.equals("constant") || a.equals("ramp") || a.equals("sine")
                        ? Flag.DEVICE_REJECTED_VALUE : Flag.INVALID_CHANNEL_ADDRESS);
                continue;
            }
            try {
                delay(a, c.getParameters());
                String name = registerName(c.getParameters());
                bank.set(name, c.getValue());
                c.setFlag(Flag.VALID);
                long now = clock.getAsLong();
                for (ChannelRecordContainer l : listening) {
                    if (name.equals(l.getParameters().get("name"))) {
                        l.setRecord(new Record(c.getValue().convertTo(l.getValueType()), now));
                        pushed.add(l);
                    }
                }
            } catch (ArgumentSyntaxException e) {
                c.setFlag(Flag.INVALID_CHANNEL_ADDRESS);
            } catch (TypeConversionException e) {
                c.setFlag(Flag.INVALID_VALUE);
            }
        }
        RecordsReceivedListener l = listener;
        if (l != null && !pushed.isEmpty()) {
            l.newRecords(pushed);
        }
    }

    @Override
    public List<ChannelScanInfo> scanForChannels() throws ConnectionException {
        checkOpen();
        return List.of(
                new ChannelScanInfo("constant", "a constant (parameter value)", ValueType.DOUBLE, true, false),
                new ChannelScanInfo("ramp", "sawtooth min..max over periodMillis", ValueType.DOUBLE, true, false),
                new ChannelScanInfo("sine", "offset + amplitude*sin over periodMillis", ValueType.DOUBLE, true, false),
                new ChannelScanInfo("register", "loopback register (parameter name)", ValueType.DOUBLE, true, true),
                new ChannelScanInfo("slow", "register answering after delayMillis", ValueType.DOUBLE, true, true));
    }

    @Override
    public void close() {
        closed = true;
        listener = null;
    }

    private void checkOpen() throws ConnectionException {
        if (closed) {
            throw new ConnectionException("virtual connection is closed");
        }
    }

    private static String registerName(java.util.Map<String, String> p) throws ArgumentSyntaxException {
        String name = p.get("name");
        if (name == null || name.isBlank()) {
            throw new ArgumentSyntaxException("virtual driver: a register needs the parameter 'name'");
        }
        return name;
    }

    private static void delay(String address, java.util.Map<String, String> p) throws ConnectionException {
        if (!address.equals("slow")) {
            return;
        }
        long millis;
        try {
            millis = Long.parseLong(p.getOrDefault("delayMillis", "1000"));
        } catch (NumberFormatException e) {
            millis = 1000;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("interrupted while simulating a slow device", e);
        }
    }

    private static Value parse(String text, ValueType type) throws ArgumentSyntaxException {
        if (text == null) {
            throw new ArgumentSyntaxException("virtual driver: a constant needs the parameter 'value'");
        }
        return Value.of(text).convertTo(type);
    }
}
