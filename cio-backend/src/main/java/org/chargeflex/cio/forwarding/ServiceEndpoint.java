package org.chargeflex.cio.forwarding;

import java.net.URI;

/** Where and how long to ask a management service: what forwarding needs of it. */
record ServiceEndpoint(long id, URI url, int timeoutMs) {

    static ServiceEndpoint of(ManagementService s) {
        return new ServiceEndpoint(s.id(), s.url(), s.timeoutMs());
    }
}
