/**
 * The M3B board and EV simulator: {@link org.chargeflex.m3b.simulator.M3bSimulator} for tests and the demo,
 * {@link org.chargeflex.m3b.simulator.Scenario} files, and the stand-alone {@link org.chargeflex.m3b.simulator.Main}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.m3b.simulator;
