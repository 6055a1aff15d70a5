/**
 * Schedule planning behind {@link org.chargeflex.cio.optimizer.SchedulePlanner}. For now a simple feasible policy
 * ({@link org.chargeflex.cio.optimizer.EvenSpreadPlanner}); the load-management optimiser (issue 6) replaces it.
 */
package org.chargeflex.cio.optimizer;
