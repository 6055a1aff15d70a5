/**
 * Rolling re-optimisation (issue 6): arrivals, departures, changed limits and meter deviations mark a target (a grid
 * connection point, or a station without one) dirty; {@link org.chargeflex.cio.replan.ReplanWorker} re-plans each
 * dirty target jointly with the optimiser over the remaining horizon, with each session's remaining energy, keeping
 * the past periods of its schedule and storing a new version only where the plan changed. See docs/cio-backend.md,
 * "Rolling re-optimisation in the CIO".
 */
package org.chargeflex.cio.replan;
