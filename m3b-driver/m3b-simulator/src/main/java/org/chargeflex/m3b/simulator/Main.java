package org.chargeflex.m3b.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The stand-alone simulator: {@code java -jar m3b-simulator.jar --tcp 5020 [--pty /tmp/m3b] [--scenario file.json]
 * [--outlets 2] [--time-scale 1]}. Runs until killed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("m3b-simulator: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (o.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        Scenario scenario = o.scenario() == null ? null : Scenario.parse(o.scenario());
        int outlets = scenario != null ? scenario.outlets() : o.outlets();
        double scale = scenario != null && o.timeScale() == null ? scenario.timeScale()
                : o.timeScale() == null ? 1 : o.timeScale();
        M3bSimulator sim = M3bSimulator.builder().outlets(outlets).timeScale(scale).build().startTcp(o.tcpPort());
        if (o.pty() != null) {
            sim.startPty(o.pty());
        }
        ScenarioRunner runner = scenario == null ? null : new ScenarioRunner(scenario, sim);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (runner != null) {
                runner.close();
            }
            sim.close();
            stop.countDown();
        }));
        stop.await();
    }

    /** Command-line options. */
    record Options(int tcpPort, Path pty, Path scenario, int outlets, Double timeScale, boolean help) {
        static final String USAGE = "usage: java -jar m3b-simulator.jar [--tcp PORT (default 5020, 0 = any)]"
                + " [--pty LINK] [--scenario FILE.json] [--outlets N] [--time-scale X] [--help]";

        static Options parse(String[] args) {
            int port = 5020;
            Path pty = null;
            Path scenario = null;
            int outlets = 2;
            Double scale = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    return new Options(port, pty, scenario, outlets, scale, true);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--tcp" -> port = integer(a, v, 0, 65535);
                    case "--pty" -> pty = Path.of(v);
                    case "--scenario" -> scenario = Path.of(v);
                    case "--outlets" -> outlets = integer(a, v, 1, 16);
                    case "--time-scale" -> {
                        try {
                            scale = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--time-scale must be a number, got '" + v + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return new Options(port, pty, scenario, outlets, scale, false);
        }

        private static int integer(String option, String v, int min, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be an integer " + min + ".." + max + ", got '" + v
                        + "'");
            }
        }
    }
}
