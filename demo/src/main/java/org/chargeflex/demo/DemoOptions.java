package org.chargeflex.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's command line. Every option is checked up front; a bad value names the option and what is allowed.
 *
 * @param stations     station firmware processes (1..20)
 * @param scenario     a scenario file or the name of a bundled one (without {@code .json})
 * @param objective    the site's objective the CIO plans for; RENEWABLE and TARIFF come with a generated forecast or
 *                     price curve over the compressed day
 * @param speed        simulated seconds per wall-clock second (the day is compressed by this factor)
 * @param minutes      wall-clock minutes to run at most (0 = until the scenario's last step and the data arrived)
 * @param gridLimitKw  the grid connection point's limit all stations share, kW
 * @param gateway      also start the grid gateway application (default; {@code --no-gateway} leaves it out)
 * @param keepRunning  after the summary, keep everything (and the dashboard) running until Ctrl-C
 */
public record DemoOptions(int stations, String scenario, Objective objective, double speed, double minutes,
        double gridLimitKw, boolean gateway, boolean keepRunning) {

    /** What the CIO's load management optimises. */
    public enum Objective { PEAK, RENEWABLE, TARIFF }

    public static final String DEFAULT_SCENARIO = "fleet-day";

    public static final String USAGE = """
            usage: chargeflex-demo [options]
              --stations N          station firmware processes, 1..20 (default 3)
              --scenario FILE|NAME  fleet scenario: a JSON file (docs/m3b-simulator.md) or a bundled name:
                                    fleet-day (default), fleet-3-outlets, short-3-outlets
              --objective OBJ       PEAK (default) | RENEWABLE | TARIFF
              --speed X             simulated seconds per second (default 240: a 24 h day in 6 min)
              --minutes M           stop after M minutes at most (default: when the scenario is over)
              --grid-limit-kw P     limit of the shared grid connection point, kW (default 80)
              --no-gateway          leave out the grid gateway (iec61850-gateway/gateway-app: IEC 61850 and
                                    IEC 60870-5-104 for the DNO's SCADA), which runs by default
              --gateway             start the grid gateway (the default; kept for older scripts)
              --keep-running        after the summary keep the system and its dashboard up until Ctrl-C
              --help
            """;

    public DemoOptions {
        if (stations < 1 || stations > 20) {
            throw new IllegalArgumentException("--stations must be 1..20, got " + stations);
        }
        if (!(speed >= 1 && speed <= 3600)) {
            throw new IllegalArgumentException("--speed must be 1..3600, got " + speed);
        }
        if (!(minutes >= 0 && minutes <= 24 * 60)) {
            throw new IllegalArgumentException("--minutes must be 0..1440, got " + minutes);
        }
        if (!(gridLimitKw > 0 && gridLimitKw <= 100_000)) {
            throw new IllegalArgumentException("--grid-limit-kw must be > 0 and <= 100000, got " + gridLimitKw);
        }
    }

    /**
     * The CIO's planning slot length and minimum horizon for this speed: 15 minutes of simulated time in wall-clock
     * time, whole seconds, at least 1 s ({@code cio.planning.*}).
     */
    public Duration planningGrid() {
        return Duration.ofSeconds(Math.max(1, Math.round(15 * 60 / speed)));
    }

    /** How often the CIO's re-planner runs: every 5 simulated minutes, at least every 0.5 s of wall-clock time. */
    public Duration replanDebounce() {
        return Duration.ofMillis(Math.max(500, Math.round(5 * 60_000 / speed)));
    }

    /**
     * How often the stations ask the CIO again (cio.schedule.poll-interval, sent in every schedule): 60 s of real time
     * would be hours of the compressed day; a session planned at 0 W would wait that long. 5 simulated minutes, >= 1 s.
     */
    public Duration pollInterval() {
        return Duration.ofSeconds(Math.max(1, Math.round(5 * 60 / speed)));
    }

    public static DemoOptions defaults() {
        return new DemoOptions(3, DEFAULT_SCENARIO, Objective.PEAK, 240, 0, 80, true, false);
    }

    /** Parses the arguments; {@code null} means --help was asked for. */
    public static DemoOptions parse(String... args) {
        DemoOptions d = defaults();
        int stations = d.stations;
        String scenario = d.scenario;
        Objective objective = d.objective;
        double speed = d.speed;
        double minutes = d.minutes;
        double limit = d.gridLimitKw;
        boolean gateway = d.gateway;
        boolean keep = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--gateway" -> gateway = true;
                case "--no-gateway" -> gateway = false;
                case "--keep-running" -> keep = true;
                case "--stations" -> stations = (int) number(option, value(option, rest));
                case "--scenario" -> scenario = value(option, rest);
                case "--objective" -> objective = objective(value(option, rest));
                case "--speed" -> speed = number(option, value(option, rest));
                case "--minutes" -> minutes = number(option, value(option, rest));
                case "--grid-limit-kw" -> limit = number(option, value(option, rest));
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        return new DemoOptions(stations, scenario, objective, speed, minutes, limit, gateway, keep);
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.remove(0);
    }

    private static double number(String option, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + text + "'", e);
        }
    }

    private static Objective objective(String text) {
        try {
            return Objective.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--objective must be PEAK, RENEWABLE or TARIFF, got '" + text + "'", e);
        }
    }
}
