/**
 * Test fakes for other bundles' unit tests: {@link org.chargeflex.station.api.test.FakeDriver}, an in-memory driver
 * whose failures can be switched on, and {@link org.chargeflex.station.api.test.FakeDataAccessService} with
 * {@link org.chargeflex.station.api.test.FakeChannel}s.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.station.api.test;
