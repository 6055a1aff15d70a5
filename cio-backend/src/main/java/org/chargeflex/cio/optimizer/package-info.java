/**
 * Schedule planning behind {@link org.chargeflex.cio.optimizer.SchedulePlanner}: the load-management optimiser
 * (module cio-optimizer) in {@link org.chargeflex.cio.optimizer.FleetOptimizerPlanner}, the planner bean; the simple
 * {@link org.chargeflex.cio.optimizer.EvenSpreadPlanner} stays as a plain fallback class (not a bean).
 */
package org.chargeflex.cio.optimizer;
