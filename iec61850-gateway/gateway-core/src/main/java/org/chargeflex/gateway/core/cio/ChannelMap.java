package org.chargeflex.gateway.core.cio;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.chargeflex.gateway.core.Measurand;

/**
 * Which station channels hold an outlet's values. Each outlet's channels are read with one directory request
 * ({@code GET .../channels/<outlet directory>}); names are relative to that directory. The defaults follow the M3B
 * driver's channel addresses (docs/m3b-protocol.md) under a directory {@code outlet<id>}.
 */
public final class ChannelMap {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final String outletDirectory;
    private final String cpState;
    private final String currentLimit;
    private final Map<Measurand, String> names;

    private ChannelMap(Builder b) {
        this.outletDirectory = b.outletDirectory;
        this.cpState = b.cpState;
        this.currentLimit = b.currentLimit;
        this.names = Map.copyOf(b.names);
    }

    public static ChannelMap defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The directory of an outlet's channels. */
    public String directory(String outletId) {
        return outletDirectory.replace("{outlet}", outletId);
    }

    /** Name (relative to the directory) of a measurand, or null when the station has none. */
    public String name(Measurand m) {
        return names.get(m);
    }

    public String cpState() {
        return cpState;
    }

    /** Full label of the writable current limit of an outlet (target of the direct/emergency path). */
    public String currentLimitLabel(String outletId) {
        return directory(outletId) + "/" + currentLimit;
    }

    Map<Measurand, String> names() {
        return names;
    }

    /** Builds a {@link ChannelMap}; starts from the defaults. */
    public static final class Builder {
        private String outletDirectory = "outlet{outlet}";
        private String cpState = "cp_state";
        private String currentLimit = "current_limit";
        private final Map<Measurand, String> names = new EnumMap<>(Measurand.class);

        private Builder() {
            names.put(Measurand.POWER_W, "power");
            for (int p = 1; p <= 3; p++) {
                names.put(Measurand.power(p), "power_l" + p);
                names.put(Measurand.voltage(p), "voltage_l" + p);
                names.put(Measurand.current(p), "current_l" + p);
            }
            names.put(Measurand.ENERGY_WH, "energy");
            names.put(Measurand.CURRENT_LIMIT_A, "current_limit");
        }

        /** Directory template; {@code {outlet}} is replaced by the CIO outlet id. */
        public Builder outletDirectory(String template) {
            Objects.requireNonNull(template, "outletDirectory");
            if (!template.contains("{outlet}") || !NAME.matcher(template.replace("{outlet}", "x")).matches()) {
                throw new IllegalArgumentException("outletDirectory must be a label containing {outlet}, got '"
                        + template + "'");
            }
            this.outletDirectory = template;
            return this;
        }

        public Builder cpState(String name) {
            this.cpState = checked(name);
            return this;
        }

        public Builder currentLimit(String name) {
            this.currentLimit = checked(name);
            names.put(Measurand.CURRENT_LIMIT_A, this.currentLimit);
            return this;
        }

        /** Sets the channel of a measurand; {@code null} removes it (served as invalid). */
        public Builder channel(Measurand m, String name) {
            Objects.requireNonNull(m, "measurand");
            if (name == null) {
                names.remove(m);
            } else {
                names.put(m, checked(name));
            }
            return this;
        }

        public ChannelMap build() {
            return new ChannelMap(this);
        }

        private static String checked(String name) {
            Objects.requireNonNull(name, "channel name");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("channel name must be label segments, got '" + name + "'");
            }
            return name;
        }
    }
}
