package org.chargeflex.station.charging;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chargeflex.station.charging.session.OutletSettings;
import org.chargeflex.station.charging.session.UserDefaults;

/** Checks an outlet configuration and turns it into {@link OutletSettings}, naming every problem. */
final class OutletSettingsReader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private OutletSettingsReader() {
    }

    static OutletSettings read(Config c, String home) {
        List<String> problems = new ArrayList<>();
        String outletId = trim(c.outletId());
        if (outletId == null || !ID.matcher(outletId).matches()) {
            problems.add("outletId must be 1 to 64 letters, digits, '.', '_', ':' or '-', was '" + c.outletId() + "'");
        }
        String cp = required(c.cpStateLabel(), "cpStateLabel", problems);
        String limit = required(c.currentLimitLabel(), "currentLimitLabel", problems);
        String energy = required(c.energyLabel(), "energyLabel", problems);
        String power = required(c.powerLabel(), "powerLabel", problems);
        if (trim(c.userIdLabel()) == null && trim(c.credentialsLabel()) == null) {
            problems.add("userIdLabel or credentialsLabel is required (how users identify)");
        }
        if (!(c.maxCurrentA() >= 6 && c.maxCurrentA() <= 80)) {
            problems.add("maxCurrentA must be 6..80, was " + c.maxCurrentA());
        }
        if (!(c.fallbackCurrentA() == 0 || (c.fallbackCurrentA() >= 6 && c.fallbackCurrentA() <= c.maxCurrentA()))) {
            problems.add("fallbackCurrentA must be 0 or 6..maxCurrentA, was " + c.fallbackCurrentA());
        }
        check(c.maxOfflineSeconds() >= 1, "maxOfflineSeconds must be >= 1", problems);
        check(c.defaultPhases() >= 1 && c.defaultPhases() <= 3, "defaultPhases must be 1..3", problems);
        check(c.defaultEnergyDemandWh() >= 0, "defaultEnergyDemandWh must be >= 0", problems);
        check(c.defaultMaxCurrentA() >= 0 && c.defaultMinCurrentA() >= 0, "default currents must be >= 0", problems);
        check(c.defaultDepartureMinutes() >= 1, "defaultDepartureMinutes must be >= 1", problems);
        check(c.meterIntervalMillis() >= 100, "meterIntervalMillis must be >= 100", problems);
        check(c.tickMillis() >= 50, "tickMillis must be >= 50", problems);
        check(c.retryMinMillis() >= 1 && c.retryMaxMillis() >= c.retryMinMillis(),
                "need 1 <= retryMinMillis <= retryMaxMillis", problems);
        check(c.maxSchedulePowerW() > 0, "maxSchedulePowerW must be > 0", problems);
        URI site = null;
        try {
            site = ChargingOutletImpl.url(c.managementServiceUrl(), "managementServiceUrl");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        UserDefaults defaults = new UserDefaults(c.defaultEnergyDemandWh(),
                c.defaultMaxCurrentA() > 0 ? c.defaultMaxCurrentA() : null,
                c.defaultMinCurrentA() > 0 ? c.defaultMinCurrentA() : null, c.defaultPhases(),
                Duration.ofMinutes(c.defaultDepartureMinutes()), site);
        return new OutletSettings(outletId, cp, limit, trim(c.contactorLabel()), energy, power,
                labels(c.voltageL1Label(), c.voltageL2Label(), c.voltageL3Label()),
                labels(c.currentL1Label(), c.currentL2Label(), c.currentL3Label()), trim(c.userIdLabel()),
                trim(c.credentialsLabel()),
                new OutletSettings.EvChannels(trim(c.evEnergyDemandLabel()), trim(c.evMaxCurrentLabel()),
                        trim(c.evPhasesLabel()), trim(c.evDepartureLabel())),
                c.maxCurrentA(), c.fallbackCurrentA(), Duration.ofSeconds(c.maxOfflineSeconds()), defaults,
                Duration.ofMillis(c.meterIntervalMillis()), c.retryMinMillis(), c.retryMaxMillis(),
                c.maxSchedulePowerW(), resolve(c.sessionDirectory(), home));
    }

    static URI url(String value, String what) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            if (!u.isAbsolute() || u.getHost() == null || !("http".equals(u.getScheme())
                    || "https".equals(u.getScheme()))) {
                throw new IllegalArgumentException(what + " must be an absolute http(s) URL, was '" + v + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a URL: " + e.getMessage(), e);
        }
    }

    private static Path resolve(String path, String home) {
        Path p = Paths.get(path == null || path.isBlank() ? "data/charging" : path.trim());
        return p.isAbsolute() || home == null ? p.toAbsolutePath() : Paths.get(home).resolve(p).toAbsolutePath();
    }

    /** The wired labels among L1..L3, in phase order (a gap ends the list: L2 without L1 is not a phase set). */
    private static List<String> labels(String... labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            String t = trim(l);
            if (t == null) {
                break;
            }
            out.add(t);
        }
        return out;
    }

    private static String required(String v, String name, List<String> problems) {
        String t = trim(v);
        if (t == null) {
            problems.add(name + " is required");
        }
        return t;
    }

    private static void check(boolean ok, String problem, List<String> problems) {
        if (!ok) {
            problems.add(problem);
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
