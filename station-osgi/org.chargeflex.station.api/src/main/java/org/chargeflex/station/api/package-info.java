/**
 * The station's data model: channels, their records and flags, and the {@link org.chargeflex.station.api.DataAccessService}
 * through which applications (REST server, charging application, gateways) read and write them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.station.api;
