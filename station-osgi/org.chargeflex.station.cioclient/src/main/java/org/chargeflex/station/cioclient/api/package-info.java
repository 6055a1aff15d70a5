/**
 * The station's client to the CIO backend: charging requests, schedule polls with ETags, and a durable outbox for
 * meter values and session records. Implemented by the {@code org.chargeflex.station.cioclient} bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.station.cioclient.api;
