package org.chargeflex.station.api.test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.chargeflex.station.api.Channel;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.api.ValueType;

/** A data access service over {@link FakeChannel}s that tests add. */
public class FakeDataAccessService implements DataAccessService {
    private final Map<String, FakeChannel> channels = new ConcurrentSkipListMap<>();

    public FakeChannel add(String label, ValueType type, boolean writable) {
        FakeChannel c = new FakeChannel(label, type, writable);
        channels.put(label, c);
        return c;
    }

    public void remove(String label) {
        channels.remove(label);
    }

    @Override
    public List<String> getAllLabels() {
        return List.copyOf(channels.keySet());
    }

    @Override
    public Optional<Channel> getChannel(String label) {
        return Optional.ofNullable(channels.get(label));
    }
}
