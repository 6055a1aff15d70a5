package org.chargeflex.station.driver.m3b;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.api.driver.ChannelRecordContainer;
import org.chargeflex.station.api.driver.ChannelValueContainer;
import org.chargeflex.station.api.driver.Connection;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.api.driver.DeviceConfig;

/** Fast timing for tests, and one-line reads and writes of outlet 1 channels. */
final class DriverFixture {
    static Map<String, String> fastSettings(String maxCurrent) {
        Map<String, String> s = new HashMap<>();
        s.put("maxCurrent", maxCurrent);
        s.put("requestTimeoutMillis", "150");
        s.put("retries", "1");
        s.put("heartbeatIntervalMillis", "100");
        s.put("boardHeartbeatTimeoutMillis", "600");
        s.put("meterIntervalMillis", "100");
        s.put("maxConsecutiveTimeouts", "3");
        return s;
    }

    static DeviceConfig device(String address) {
        return new DeviceConfig("m3b-test", address, fastSettings("32"));
    }

    static ChannelRecordContainer container(String address, ValueType type) {
        return new ChannelRecordContainer(address, type, Map.of("outlet", "1"));
    }

    static Record read(Connection c, String address) throws ConnectionException {
        ChannelRecordContainer r = new ChannelRecordContainer(address, ValueType.STRING, Map.of("outlet", "1"));
        c.read(List.of(r));
        return r.getRecord();
    }

    /** Reads; a broken connection yields null instead of throwing (for polling). */
    static Record tryRead(Connection c, String address) {
        try {
            return read(c, address);
        } catch (ConnectionException e) {
            return null;
        }
    }

    static Flag write(Connection c, String address, Value v) throws ConnectionException {
        ChannelValueContainer w = new ChannelValueContainer(address, Map.of("outlet", "1"), v);
        c.write(List.of(w));
        return w.getFlag();
    }

    static List<ChannelRecordContainer> containers(String... addresses) {
        List<ChannelRecordContainer> out = new ArrayList<>();
        for (String a : addresses) {
            out.add(new ChannelRecordContainer(a, ValueType.DOUBLE, Map.of("outlet", "1")));
        }
        return out;
    }

    static double number(Connection c, String address) throws ConnectionException {
        Record r = read(c, address);
        if (r.getFlag() != Flag.VALID) {
            throw new AssertionError(address + " is " + r.getFlag());
        }
        return r.getValue().asDouble();
    }

    static long counter(Connection c, String name) throws ConnectionException {
        ChannelRecordContainer r = new ChannelRecordContainer(name, ValueType.LONG, Map.of());
        c.read(List.of(r));
        return r.getRecord().getValue().asLong();
    }
}
