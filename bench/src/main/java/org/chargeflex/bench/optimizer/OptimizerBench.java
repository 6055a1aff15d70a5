package org.chargeflex.bench.optimizer;

import java.util.concurrent.TimeUnit;
import org.chargeflex.optimizer.model.Objective;
import org.chargeflex.optimizer.model.Problem;
import org.chargeflex.optimizer.scenario.FleetGenerator;
import org.chargeflex.optimizer.solver.Optimizer;
import org.chargeflex.optimizer.solver.Plan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Planning time of the load-management optimiser (cio-optimizer) for generated fleets over one day of 15-minute slots
 * (96) under hierarchical limits: stations (2 outlets, 22 kW) under grid connection points (20 stations each) under a
 * transformer. {@code flattenRounds}: 0 = minimum peak only, -1 = minimum peak + complete valley filling. The same
 * fleets through a general LP solver, and the peak reduction against uncontrolled charging: {@link OptimizerVsLp}.
 *
 * <p>Run: {@code mvn -q -pl cio-optimizer install -DskipTests && mvn -q -pl bench exec:exec -Dexec.executable=java
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main OptimizerBench -f 1 -wi 2 -i 3 -w 2s -r 2s -p objective=PEAK"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OptimizerBench {
    @Param({"100", "1000", "3000", "10000"})
    public int sessions;

    @Param({"PEAK", "TARIFF"})
    public Objective objective;

    @Param({"-1", "0"})
    public int flattenRounds;

    private Problem problem;
    private Optimizer optimizer;

    @Setup
    public void setUp() {
        problem = FleetGenerator.builder().sessions(sessions).seed(42).objective(objective).build().generate();
        optimizer = flattenRounds < 0 ? Optimizer.create() : Optimizer.builder().flattenRounds(flattenRounds).build();
    }

    @Benchmark
    public Plan plan() {
        return optimizer.plan(problem);
    }
}
