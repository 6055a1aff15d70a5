package org.chargeflex.station.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.chargeflex.station.rest.json.JsonBodyWriter;
import org.chargeflex.station.rest.problem.ProblemMappers;
import org.chargeflex.station.rest.resource.ChannelAccess;
import org.chargeflex.station.rest.resource.ChannelsResource;
import org.chargeflex.station.rest.resource.PaperChannelResource;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Jersey application: the resource classes (singletons whose collaborators are bound below), the JSON writer and
 * the problem mappers, all registered explicitly. No classpath scanning, no META-INF/services provider lookup, no
 * WADL, no auto-discovered features, none of Jersey's optional default providers (DataSource, XML sources, images).
 */
final class JerseyApplication {
    private JerseyApplication() {
    }

    static ResourceConfig create(ChannelAccess access, ObjectMapper mapper) {
        ResourceConfig rc = new ResourceConfig();
        rc.setApplicationName(RestServerImpl.SERVLET_NAME);
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(access).to(ChannelAccess.class);
                bind(mapper).to(ObjectMapper.class);
                bind(Clock.systemUTC()).to(Clock.class);
            }
        });
        rc.register(ChannelsResource.class);
        rc.register(PaperChannelResource.class);
        rc.register(new JsonBodyWriter(mapper));
        for (Object mapperInstance : ProblemMappers.all()) {
            rc.register(mapperInstance);
        }
        rc.addProperties(Map.of(
                ServerProperties.WADL_FEATURE_DISABLE, true,
                ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true,
                ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true,
                ServerProperties.BV_FEATURE_DISABLE, true,
                ServerProperties.JSON_PROCESSING_FEATURE_DISABLE, true,
                ServerProperties.MOXY_JSON_FEATURE_DISABLE, true,
                ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true,
                ServerProperties.PROVIDER_SCANNING_RECURSIVE, false,
                CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL"));
        return rc;
    }
}
