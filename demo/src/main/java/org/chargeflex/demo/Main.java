package org.chargeflex.demo;

/**
 * {@code mvn -q -pl demo exec:java -Dexec.args="--stations 3"}: the whole ChargeFlex system on this machine (see
 * {@link DemoOptions#USAGE}). Exit status 0 when the fleet got what was deliverable under the grid limit (within
 * {@link DemoSystem#ENERGY_TOLERANCE}), the limit held and no meter record was lost; 1 otherwise; 2 for bad options.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(DemoOptions.USAGE);
            return;
        }
        int status;
        try (DemoSystem system = new DemoSystem(options, System.out)) {
            system.start();
            System.out.println(system.loginBanner());
            Summary summary = system.run(5);
            System.out.print(summary.format());
            boolean ok = summary.deliveredTowardsDemandWh() >= summary.gridFeasibleWh() * (1 - DemoSystem.ENERGY_TOLERANCE)
                    && summary.intervalsOverLimit() == 0 && summary.recordsLost() == 0;
            System.out.println(ok ? "OK: all feasible energy delivered, grid limit held, no meter record lost"
                    : "NOT OK: see the lines above");
            status = ok ? 0 : 1;
            if (options.keepRunning()) {
                System.out.println("Everything keeps running (dashboard as above, same login); stop with Ctrl-C.");
                Thread.currentThread().join(); // until Ctrl-C: the harness' shutdown hooks stop the child processes
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        }
        System.exit(status);
    }
}
