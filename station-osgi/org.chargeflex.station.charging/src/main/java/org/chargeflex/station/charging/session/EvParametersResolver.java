package org.chargeflex.station.charging.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.chargeflex.cio.contract.EvParameters;

/**
 * The EV parameters of a charging request: what the EV's channels say (where wired and valid), else the user's
 * defaults, else the site's. The planned departure channel holds epoch seconds or an ISO-8601 time.
 */
final class EvParametersResolver {
    private static final Duration DEFAULT_DEPARTURE = Duration.ofHours(8);
    private final ChannelIo io;
    private final OutletSettings settings;

    EvParametersResolver(ChannelIo io, OutletSettings settings) {
        this.io = io;
        this.settings = settings;
    }

    EvParameters resolve(UserDefaults user, Instant now) {
        UserDefaults d = user.orElse(settings.siteDefaults());
        OutletSettings.EvChannels ev = settings.evChannels();
        double energy = io.number(ev.energyDemandLabel()).filter(v -> v >= 0)
                .orElse(d.energyDemandWh() == null ? 0 : d.energyDemandWh());
        double maxCurrent = io.number(ev.maxCurrentLabel()).filter(v -> v > 0)
                .orElse(d.maxCurrentA() == null ? settings.maxCurrentA() : d.maxCurrentA());
        maxCurrent = Math.min(maxCurrent, settings.maxCurrentA());
        Double minCurrent = d.minCurrentA() == null ? null : Math.min(d.minCurrentA(), maxCurrent);
        int phases = io.number(ev.phasesLabel()).map(Double::intValue).filter(p -> p >= 1 && p <= 3)
                .orElse(d.phases() == null ? 3 : d.phases());
        Instant departure = departure(now).orElse(now.plus(d.departureAfter() == null ? DEFAULT_DEPARTURE
                : d.departureAfter()));
        return new EvParameters(energy, null, null, maxCurrent, minCurrent, phases, departure);
    }

    private Optional<Instant> departure(Instant now) {
        return io.text(settings.evChannels().departureLabel()).flatMap(s -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
            } catch (NumberFormatException e) {
                try {
                    return Optional.of(Instant.parse(s));
                } catch (java.time.format.DateTimeParseException e2) {
                    return Optional.empty();
                }
            }
        }).filter(now::isBefore);
    }
}
