package org.chargeflex.station.api.driver;

import java.util.Map;
import java.util.Objects;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;

/**
 * Carries one value into a driver's {@code write} call and the outcome back: the driver sets {@link Flag#VALID} when
 * the device accepted the value, otherwise the reason (e.g. {@link Flag#DEVICE_REJECTED_VALUE},
 * {@link Flag#INVALID_CHANNEL_ADDRESS}).
 */
public final class ChannelValueContainer {
    private final String channelAddress;
    private final Map<String, String> parameters;
    private final Value value;
    private volatile Flag flag = Flag.UNKNOWN_ERROR;

    public ChannelValueContainer(String channelAddress, Map<String, String> parameters, Value value) {
        this.channelAddress = Objects.requireNonNull(channelAddress, "channelAddress");
        this.parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        this.value = Objects.requireNonNull(value, "value");
    }

    public String getChannelAddress() {
        return channelAddress;
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public Value getValue() {
        return value;
    }

    public Flag getFlag() {
        return flag;
    }

    public void setFlag(Flag flag) {
        this.flag = Objects.requireNonNull(flag, "flag");
    }
}
