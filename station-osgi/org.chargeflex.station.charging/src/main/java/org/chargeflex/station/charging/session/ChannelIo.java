package org.chargeflex.station.charging.session;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Record;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an outlet's channels (latest records, never blocking on a driver) and writes its set-points through the data
 * access service. A channel that is missing or not valid reads as empty; a missing channel is logged once.
 */
public final class ChannelIo {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelIo.class);
    private final Supplier<DataAccessService> das;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();

    public ChannelIo(Supplier<DataAccessService> das) {
        this.das = das;
    }

    Optional<Channel> channel(String label) {
        if (label == null) {
            return Optional.empty();
        }
        DataAccessService d = das.get();
        Optional<Channel> c = d == null ? Optional.empty() : d.getChannel(label);
        if (c.isEmpty()) {
            if (reportedMissing.add(label)) {
                LOG.warn("Charging: channel '{}' is not configured (channels.json); it reads as empty", label);
            }
        } else {
            reportedMissing.remove(label);
        }
        return c;
    }

    /** The latest valid value of a channel, or empty. */
    public Optional<Value> value(String label) {
        return channel(label).map(Channel::getLatestRecord).filter(Record::isValid).map(Record::getValue);
    }

    public Optional<Double> number(String label) {
        try {
            return value(label).map(Value::asDouble).filter(Double::isFinite);
        } catch (TypeConversionException e) {
            LOG.debug("Charging: channel '{}' is not a number: {}", label, e.getMessage());
            return Optional.empty();
        }
    }

    /** A non-blank string value (trimmed), or empty. */
    public Optional<String> text(String label) {
        return value(label).map(Value::asString).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The control pilot state A..F, or empty when unknown. */
    public Optional<Character> cpState(String label) {
        return text(label).filter(s -> s.length() == 1 && s.charAt(0) >= 'A' && s.charAt(0) <= 'F')
                .map(s -> s.charAt(0));
    }

    public Flag write(String label, Value value) {
        Optional<Channel> c = channel(label);
        return c.isEmpty() ? Flag.CHANNEL_DELETED : c.get().write(value);
    }
}
