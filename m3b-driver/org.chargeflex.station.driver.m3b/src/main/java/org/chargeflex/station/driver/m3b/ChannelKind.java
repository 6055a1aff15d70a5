package org.chargeflex.station.driver.m3b;

import java.util.Locale;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.driver.m3b.LinkCounters.Counter;

/** Every channel address the driver understands (table in docs/m3b-protocol.md). */
enum ChannelKind {
    CP_STATE(Source.STATUS, ValueType.STRING, false, "CP state A..F"),
    PWM_DUTY(Source.STATUS, ValueType.DOUBLE, true, "CP PWM duty cycle in % (5, 10..96, 100)"),
    CURRENT_LIMIT(Source.STATUS, ValueType.DOUBLE, true, "current limit advertised by the PWM in A (0 = none)"),
    CONTACTOR(Source.STATUS, ValueType.BOOLEAN, true, "contactor closed"),
    PLUG_LOCK(Source.STATUS, ValueType.BOOLEAN, true, "plug locked"),
    USER_ID(Source.STATUS, ValueType.STRING, false, "user id (RFID) last presented; empty for none"),
    TEMPERATURE(Source.STATUS, ValueType.DOUBLE, false, "board temperature in °C"),
    FAULT_FLAGS(Source.STATUS, ValueType.LONG, false, "fault bit mask (0 = no fault)"),
    VOLTAGE_L1(Source.METER, ValueType.DOUBLE, false, "voltage L1 in V"),
    VOLTAGE_L2(Source.METER, ValueType.DOUBLE, false, "voltage L2 in V"),
    VOLTAGE_L3(Source.METER, ValueType.DOUBLE, false, "voltage L3 in V"),
    CURRENT_L1(Source.METER, ValueType.DOUBLE, false, "current L1 in A"),
    CURRENT_L2(Source.METER, ValueType.DOUBLE, false, "current L2 in A"),
    CURRENT_L3(Source.METER, ValueType.DOUBLE, false, "current L3 in A"),
    POWER_L1(Source.METER, ValueType.DOUBLE, false, "active power L1 in W"),
    POWER_L2(Source.METER, ValueType.DOUBLE, false, "active power L2 in W"),
    POWER_L3(Source.METER, ValueType.DOUBLE, false, "active power L3 in W"),
    POWER(Source.METER, ValueType.DOUBLE, false, "total active power in W"),
    ENERGY(Source.METER, ValueType.LONG, false, "energy delivered in Wh (meter total)"),
    CAN_TX(Source.CAN, ValueType.BYTE_ARRAY, true, "send a CAN frame to the vehicle (write only)"),
    CAN_RX(Source.CAN, ValueType.BYTE_ARRAY, false, "last CAN frame from the vehicle (parameter canId filters)"),
    FIRMWARE(Source.BOARD, ValueType.STRING, false, "board firmware version"),
    OUTLET_COUNT(Source.BOARD, ValueType.LONG, false, "number of outlets of the board"),
    BOOT_ID(Source.BOARD, ValueType.LONG, false, "the board's boot id (changes at every restart)"),
    CRC_ERRORS(Counter.CRC_ERRORS),
    MALFORMED_FRAMES(Counter.MALFORMED_FRAMES),
    TIMEOUTS(Counter.TIMEOUTS),
    RETRIES(Counter.RETRIES),
    BOARD_RESETS(Counter.BOARD_RESETS),
    DROPPED_EVENTS(Counter.DROPPED_EVENTS),
    LINK_LOSSES(Counter.LINK_LOSSES),
    CONNECTS(Counter.CONNECTS),
    SAFETY_REFUSALS(Counter.SAFETY_REFUSALS),
    SAFETY_OPENS(Counter.SAFETY_OPENS),
    FRAMES_RECEIVED(Counter.FRAMES_RECEIVED),
    FRAMES_SENT(Counter.FRAMES_SENT);

    /** Where a channel's value comes from. */
    enum Source {
        /** An outlet's status (GET_STATUS, status/CP/fault/id events). */
        STATUS,
        /** An outlet's meter (GET_METER, meter events). */
        METER,
        /** The CAN tunnel of an outlet. */
        CAN,
        /** The board as a whole, from the handshake. */
        BOARD,
        /** A driver-side health counter of the device. */
        COUNTER
    }

    private final Source source;
    private final ValueType type;
    private final boolean writable;
    private final String description;
    private final Counter counter;

    ChannelKind(Source source, ValueType type, boolean writable, String description) {
        this.source = source;
        this.type = type;
        this.writable = writable;
        this.description = description;
        this.counter = null;
    }

    ChannelKind(Counter counter) {
        this(Source.COUNTER, ValueType.LONG, false, "counter: " + counter.name().toLowerCase(Locale.ROOT)
                .replace('_', ' '));
    }

    Source source() {
        return source;
    }

    ValueType type() {
        return type;
    }

    boolean writable() {
        return writable;
    }

    boolean readable() {
        return this != CAN_TX;
    }

    /** Pushed by the board's events, so it can be listened to. */
    boolean listenable() {
        return source == Source.STATUS || source == Source.METER || this == CAN_RX;
    }

    /** Per outlet (parameter {@code outlet}), as opposed to per board. */
    boolean perOutlet() {
        return source == Source.STATUS || source == Source.METER || source == Source.CAN;
    }

    String description() {
        return description;
    }

    Counter counter() {
        return counter != null ? counter : Counter.valueOf(name());
    }

    String address() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the kind, or null for an unknown address */
    static ChannelKind ofAddress(String address) {
        String a = address.trim();
        for (ChannelKind k : values()) {
            if (k.address().equals(a)) {
                return k;
            }
        }
        return null;
    }
}
