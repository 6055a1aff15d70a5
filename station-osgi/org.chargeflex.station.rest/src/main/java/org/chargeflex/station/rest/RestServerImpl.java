package org.chargeflex.station.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.Supplier;
import org.chargeflex.station.api.DataAccessService;
import org.chargeflex.station.rest.auth.Authenticator;
import org.chargeflex.station.rest.auth.UserStore;
import org.chargeflex.station.rest.auth.UsersFilePaths;
import org.chargeflex.station.rest.json.JsonSupport;
import org.chargeflex.station.rest.resource.ChannelAccess;
import org.chargeflex.station.rest.resource.DirectChannelRead;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the REST API as a {@link Servlet} service on the servlet whiteboard: Jersey's {@link ServletContainer}
 * (embedded in this bundle) behind {@link RestServlet}, which authenticates every request. The data access service
 * is optional and dynamic: without it the API answers 503. Configuration PID {@code org.chargeflex.station.rest};
 * a change re-creates the component. It registers no service of its own ({@link RestServer} is not exported): the
 * servlet is what it offers.
 */
@RequireHttpWhiteboard
@Designate(ocd = Config.class)
@Component(name = RestServerImpl.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {})
public class RestServerImpl implements RestServer {
    public static final String PID = "org.chargeflex.station.rest";
    static final String SERVLET_NAME = "chargeflex-station-rest";
    private static final Logger LOG = LoggerFactory.getLogger(RestServerImpl.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataAccessService dataAccess;

    private ServiceRegistration<Servlet> registration;
    private String pattern;
    private Path usersFile;

    @Activate
    void activate(BundleContext context, Config config) {
        pattern = servletPattern(config.alias());
        usersFile = UsersFilePaths.resolve(config.usersFile(), context.getProperty(UsersFilePaths.HOME_PROPERTY));
        ObjectMapper mapper = JsonSupport.newMapper();
        Authenticator authenticator = new Authenticator(new UserStore(usersFile), config.allowPlainHttpFromRemote());
        ClassLoader loader = RestServerImpl.class.getClassLoader();
        ChannelAccess access = new ChannelAccess(() -> dataAccess);
        Supplier<Servlet> jersey = () -> new ServletContainer(JerseyApplication.create(access, mapper));
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, pattern);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, SERVLET_NAME);
        RestServlet servlet = new RestServlet(jersey, new DirectChannelRead(access, mapper), authenticator, mapper,
                loader);
        registration = context.registerService(Servlet.class, servlet, props);
        LOG.info("REST API registered at {} (users file {}, plain HTTP from remote {})", pattern, usersFile,
                config.allowPlainHttpFromRemote() ? "allowed" : "refused");
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        LOG.info("REST API at {} unregistered", pattern);
    }

    @Override
    public String servletPattern() {
        return pattern;
    }

    @Override
    public Path usersFile() {
        return usersFile;
    }

    /** {@code /rest/*} stays; {@code /rest}, {@code /rest/} and {@code rest} become {@code /rest/*}. */
    static String servletPattern(String alias) {
        String a = alias == null ? "" : alias.trim();
        if (a.isEmpty()) {
            return DEFAULT_PATTERN;
        }
        if (!a.startsWith("/")) {
            a = "/" + a;
        }
        if (a.endsWith("/*")) {
            return a;
        }
        return a.endsWith("/") ? a + "*" : a + "/*";
    }
}
