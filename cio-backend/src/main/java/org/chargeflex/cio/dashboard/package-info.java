/**
 * The operator web dashboard: a read-only summary API ({@code /api/v1/admin/dashboard/summary}) and the static page
 * under {@code /dashboard/} (plain ES modules, SVG plots; resources in {@code static/dashboard}).
 */
package org.chargeflex.cio.dashboard;
