/**
 * Per-site planning (a site is a grid connection point): the objective (PEAK, RENEWABLE, TARIFF) and the base load
 * forecast, renewable forecast and price curve that the planners give the optimiser, set through the admin API
 * {@code /api/v1/admin/grid-connection-points/{id}/planning} and stored in PostgreSQL.
 */
package org.chargeflex.cio.site;
