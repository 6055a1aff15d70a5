package org.chargeflex.station.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "ChargeFlex station REST server",
        description = "The channel REST API (Jersey on the OSGi servlet whiteboard). Bind address, ports and TLS are "
                + "those of the HTTP service (Felix HTTP configuration).")
@interface Config {

    @AttributeDefinition(name = "Users file",
            description = "JSON file with the users (PBKDF2 password hashes) and bearer tokens (SHA-256) and their "
                    + "roles; a relative path is taken from system property chargeflex.home, else the working "
                    + "folder. Re-read within a second of a change. Missing or empty: every request is refused.")
    String usersFile() default "conf/users.json";

    @AttributeDefinition(name = "Allow plain HTTP from remote",
            description = "Accept requests over plain HTTP from other hosts. Off: such requests get 403 'use HTTPS' "
                    + "before credentials are looked at (plain HTTP from this machine is always accepted).")
    boolean allowPlainHttpFromRemote() default false;

    @AttributeDefinition(name = "Servlet pattern",
            description = "Where the API is mounted on the HTTP service, e.g. /rest/* (a missing /* is added).")
    String alias() default RestServer.DEFAULT_PATTERN;
}
