package org.chargeflex.station.rest;

import java.nio.file.Path;

/** The channel REST API, mounted as a servlet on the OSGi servlet whiteboard. */
public interface RestServer {
    String DEFAULT_PATTERN = "/rest/*";

    /** The whiteboard servlet pattern the API is mounted at, e.g. {@code /rest/*}. */
    String servletPattern();

    /** The users file that is in force. */
    Path usersFile();
}
