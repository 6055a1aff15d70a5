/**
 * DNO curtailments (issue 7): a power limit for a station or a grid connection point, set by an OPERATOR or a DNO
 * (e.g. through the IEC 61850 / 60870-5-104 gateway), kept in PostgreSQL until lifted, fed into the planner's limits
 * ({@link org.chargeflex.cio.schedule.GridLimits}) with the ongoing sessions re-planned at once, and for an emergency
 * also written to the stations' {@code station/grid_limit_w} channel. Every command is logged (table
 * {@code grid_commands}). API and semantics: docs/cio-backend.md, "Grid curtailments".
 */
package org.chargeflex.cio.grid;
