package org.chargeflex.optimizer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.scenario.FleetGenerator;
import org.chargeflex.optimizer.scenario.ResultFile;
import org.chargeflex.optimizer.scenario.ScenarioFile;
import org.chargeflex.optimizer.scenario.ScenarioIo;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;

/**
 * Command line: {@code java -jar cio-optimizer-cli.jar SCENARIO.json [--out SCHEDULES.json] [--flatten-rounds N]}
 * plans a scenario and writes the schedules and the summary (to standard output without --out); {@code
 * --generate N [--seed S] [--objective PEAK|RENEWABLE|TARIFF] --out SCENARIO.json} writes a generated fleet.
 * Exit codes: 0 done, 2 bad arguments or bad scenario (nothing written), 1 I/O error.
 */
public final class OptimizerCli {
    static final String USAGE = """
            usage: cio-optimizer SCENARIO.json [--out SCHEDULES.json] [--flatten-rounds N]
                   cio-optimizer --generate SESSIONS [--seed S] [--objective PEAK|RENEWABLE|TARIFF] --out SCENARIO.json""";

    private OptimizerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CliArguments a;
        try {
            a = CliArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            if (a.generate() != null) {
                Problem p = FleetGenerator.builder().sessions(a.generate()).seed(a.seed())
                        .objective(a.objective() == null ? Objective.PEAK : a.objective()).build().generate();
                ScenarioIo.write(ScenarioFile.of("generated-" + a.generate() + "-seed-" + a.seed(), p), a.out());
                err.println("wrote " + a.out());
                return 0;
            }
            ScenarioFile scenario = ScenarioIo.read(a.scenario());
            Problem problem = scenario.toProblem();
            Optimizer.Builder ob = Optimizer.builder();
            if (a.flattenRounds() != null) {
                ob.flattenRounds(a.flattenRounds());
            }
            Plan plan = ob.build().plan(problem);
            ResultFile result = ResultFile.of(scenario.name(), plan);
            if (a.out() == null) {
                out.println(ScenarioIo.toJson(result));
            } else {
                ScenarioIo.write(result, a.out());
                err.println("wrote " + a.out() + ": " + plan.summary());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        }
    }

    /** The parsed arguments. */
    record CliArguments(Path scenario, Path out, Integer flattenRounds, Integer generate, long seed, Objective objective) {

        static CliArguments parse(String[] args) {
            Path scenario = null;
            Path out = null;
            Integer rounds = null;
            Integer generate = null;
            long seed = 1;
            Objective objective = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    case "--flatten-rounds" -> rounds = integer(value(args, ++i, arg), arg);
                    case "--generate" -> generate = integer(value(args, ++i, arg), arg);
                    case "--seed" -> seed = integer(value(args, ++i, arg), arg);
                    case "--objective" -> objective = objective(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--") || scenario != null) {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                        scenario = Path.of(arg);
                    }
                }
            }
            if (generate == null && scenario == null) {
                throw new IllegalArgumentException("a scenario file is required");
            }
            if (generate != null && (scenario != null || out == null)) {
                throw new IllegalArgumentException("--generate takes no scenario file and needs --out");
            }
            return new CliArguments(scenario, out, rounds, generate, seed, objective);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int integer(String s, String option) {
            try {
                int v = Integer.parseInt(s);
                if (v < 0) {
                    throw new IllegalArgumentException(option + " must be >= 0, was " + s);
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " must be a whole number, was '" + s + "'", e);
            }
        }

        private static Objective objective(String s) {
            try {
                return Objective.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--objective must be PEAK, RENEWABLE or TARIFF, was '" + s + "'", e);
            }
        }
    }
}
