/**
 * The driver SPI. A driver is an OSGi service implementing {@link org.chargeflex.station.api.driver.DriverService}; the
 * data manager connects it to the devices named in the channel configuration and calls it for reads, writes and
 * listening. The error contract is in the Javadoc of {@code DriverService} and {@code Connection}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.chargeflex.station.api.driver;
