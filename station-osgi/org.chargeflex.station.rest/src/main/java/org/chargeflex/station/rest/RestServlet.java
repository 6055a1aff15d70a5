package org.chargeflex.station.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.chargeflex.station.rest.auth.AuthDecision;
import org.chargeflex.station.rest.auth.AuthPrincipal;
import org.chargeflex.station.rest.auth.Authenticator;
import org.chargeflex.station.rest.auth.Role;
import org.chargeflex.station.rest.problem.Problem;

/**
 * The servlet the whiteboard sees: authenticates and authorizes every request with the {@link Authenticator}
 * (refusals are answered here with a problem body and never reach Jersey), then hands the request, carrying the
 * principal, to Jersey with this bundle's class loader as the thread context class loader, which Jersey and HK2
 * need to find their services inside OSGi.
 */
final class RestServlet implements Servlet {
    private final Servlet jersey;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final ClassLoader loader;

    RestServlet(Servlet jersey, Authenticator authenticator, ObjectMapper mapper, ClassLoader loader) {
        this.jersey = jersey;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.loader = loader;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        try {
            serveWithContextLoader(loader, () -> {
                jersey.init(config);
                return null;
            });
        } catch (IOException e) {
            throw new ServletException("cannot start Jersey", e);
        }
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) {
            throw new ServletException("only HTTP requests are served");
        }
        AuthDecision decision = authenticator.authorize(request.isSecure(), request.getRemoteAddr(),
                request.getMethod(), request.getHeader("Authorization"));
        if (decision instanceof AuthDecision.Refused refused) {
            refuse(request, response, refused);
            return;
        }
        AuthPrincipal principal = ((AuthDecision.Allowed) decision).principal();
        serveWithContextLoader(loader, () -> {
            jersey.service(new AuthenticatedRequest(request, principal), response);
            return null;
        });
    }

    @Override
    public void destroy() {
        withContextLoader(loader, () -> {
            jersey.destroy();
            return null;
        });
    }

    @Override
    public ServletConfig getServletConfig() {
        return jersey.getServletConfig();
    }

    @Override
    public String getServletInfo() {
        return "ChargeFlex station REST API";
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthDecision.Refused refused)
            throws IOException {
        Problem problem = Problem.of(refused.status(), refused.status() == 401 ? "unauthorized" : "forbidden",
                refused.title()).detail(refused.detail()).instance(request.getRequestURI());
        response.setStatus(refused.status());
        if (refused.needsChallenge()) {
            response.setHeader("WWW-Authenticate", Authenticator.CHALLENGE);
        }
        response.setHeader("Cache-Control", "no-store");
        if (request.getContentLengthLong() != 0) {
            // the body of a refused request is not read: say that the connection ends here, so that a client does not
            // reuse a connection the server is about to close
            response.setHeader("Connection", "close");
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), problem.toJson());
    }

    /** Something that may throw what servlet methods throw. */
    interface ServletWork<T> {
        T run() throws ServletException, IOException;
    }

    /** Something to run with a given thread context class loader, e.g. creating Jersey. */
    interface Work<T> {
        T run();
    }

    static <T> T withContextLoader(ClassLoader loader, Work<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    private static <T> T serveWithContextLoader(ClassLoader loader, ServletWork<T> work)
            throws ServletException, IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The request as Jersey sees it: with the authenticated principal and its roles. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final AuthPrincipal principal;

        AuthenticatedRequest(HttpServletRequest request, AuthPrincipal principal) {
            super(request);
            this.principal = principal;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public String getRemoteUser() {
            return principal.name();
        }

        @Override
        public String getAuthType() {
            return principal.scheme().equals("BASIC") ? HttpServletRequest.BASIC_AUTH : "BEARER";
        }

        @Override
        public boolean isUserInRole(String role) {
            return Role.fromFileName(role).map(principal::may).orElse(false);
        }
    }
}
