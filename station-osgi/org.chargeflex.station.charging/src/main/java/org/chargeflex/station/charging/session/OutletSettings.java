package org.chargeflex.station.charging.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The checked configuration of one outlet: its CIO outlet id, the labels of its channels (null where not wired),
 * limits and timing. Built by the component from its {@code Config}.
 */
public record OutletSettings(String outletId, String cpStateLabel, String currentLimitLabel, String contactorLabel,
        String energyLabel, String powerLabel, List<String> voltageLabels, List<String> currentLabels,
        String userIdLabel, String credentialsLabel, EvChannels evChannels, double maxCurrentA,
        double fallbackCurrentA, Duration maxOffline, UserDefaults siteDefaults, Duration meterInterval,
        long retryMinMillis, long retryMaxMillis, double maxSchedulePowerW, Path sessionDirectory) {

    public OutletSettings {
        voltageLabels = List.copyOf(voltageLabels);
        currentLabels = List.copyOf(currentLabels);
    }

    /** Optional channels through which the EV (or an app) gives its parameters; null where not wired. */
    public record EvChannels(String energyDemandLabel, String maxCurrentLabel, String phasesLabel,
            String departureLabel) {
        public static final EvChannels NONE = new EvChannels(null, null, null, null);
    }
}
