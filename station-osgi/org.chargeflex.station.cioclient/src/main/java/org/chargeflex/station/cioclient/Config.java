package org.chargeflex.station.cioclient;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = CioClientImpl.PID, name = "ChargeFlex CIO client",
        description = "The station's client to the CIO backend: schedules and the durable outbox of meter values and "
                + "session records. Without a base URL, station id and secret the client does not start.")
@interface Config {

    @AttributeDefinition(name = "CIO base URL", description = "e.g. https://cio.example.com (the station API is "
            + "under /api/v1/stations/{stationId}). Required. http:// only with 'Allow plain HTTP'.")
    String baseUrl() default "";

    @AttributeDefinition(name = "Allow plain HTTP", description = "Accept an http:// base URL (development and "
            + "tests only: the station secret then travels unencrypted).")
    boolean allowPlainHttp() default false;

    @AttributeDefinition(name = "Station id", description = "The station's id at the CIO (HTTP Basic user). "
            + "Required.")
    String stationId() default "";

    @AttributeDefinition(name = "Station secret", type = AttributeType.PASSWORD, description = "The secret the CIO "
            + "issued for this station (POST /api/v1/admin/stations/{id}/credential). There is no default; use "
            + "either this or the secret file.")
    String stationSecret() default "";

    @AttributeDefinition(name = "Station secret file", description = "A file holding the secret (first line; "
            + "relative paths resolve against the station home). Read at start.")
    String stationSecretFile() default "";

    @AttributeDefinition(name = "Trust store", description = "Trust store with the CIO's certificate or its CA "
            + "(relative paths resolve against the station home). Empty: the JDK's default CAs. The server "
            + "certificate and host name are always verified.")
    String truststorePath() default "";

    @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD)
    String truststorePassword() default "";

    @AttributeDefinition(name = "Trust store type", description = "PKCS12 or JKS")
    String truststoreType() default "PKCS12";

    @AttributeDefinition(name = "Connect timeout (ms)", min = "1")
    int connectTimeoutMillis() default 5000;

    @AttributeDefinition(name = "Read timeout (ms)", min = "1")
    int readTimeoutMillis() default 10000;

    @AttributeDefinition(name = "Attempts per schedule call", description = "How often a schedule request or poll "
            + "is tried (with back-off) before the call fails as UNREACHABLE.", min = "1")
    int requestAttempts() default 3;

    @AttributeDefinition(name = "First retry delay (ms)", min = "1")
    long retryMinMillis() default 1000;

    @AttributeDefinition(name = "Longest retry delay (ms)", min = "1")
    long retryMaxMillis() default 60000;

    @AttributeDefinition(name = "Outbox directory", description = "Durable queue of meter values and session "
            + "records; relative paths resolve against the station home (framework property chargeflex.home).")
    String outboxDirectory() default "data/cio-outbox";

    @AttributeDefinition(name = "Outbox bound", description = "Pending items above which intermediate meter "
            + "samples are dropped (counted); session records and first/last samples are always kept.", min = "1")
    long outboxMaxPending() default 100000;

    @AttributeDefinition(name = "Outbox segment size (bytes)", min = "1024")
    long outboxSegmentBytes() default 1048576;

    @AttributeDefinition(name = "Meter values per batch", min = "1", max = "1000")
    int batchSize() default 200;
}
