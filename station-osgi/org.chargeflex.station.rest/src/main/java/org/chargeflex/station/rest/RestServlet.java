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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.chargeflex.station.rest.auth.AuthDecision;
import org.chargeflex.station.rest.auth.AuthPrincipal;
import org.chargeflex.station.rest.auth.Authenticator;
import org.chargeflex.station.rest.auth.Role;
import org.chargeflex.station.rest.problem.Problem;
import org.chargeflex.station.rest.resource.DirectChannelRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet the whiteboard sees: authenticates and authorizes every request with the {@link Authenticator}
 * (refusals are answered here with a problem body and never reach Jersey), then hands the request to
 * {@link DirectChannelRead} (a plain read of one channel) or else, carrying the principal, to Jersey with this
 * bundle's class loader as the thread context class loader, which Jersey and HK2 need to find their services inside
 * OSGi.
 *
 * <p>Jersey starts in the background: {@link #init} hands its initialisation to a thread of its own and returns, so
 * the framework goes on starting the other bundles meanwhile (Jersey's start-up is the longest single step of the
 * station's start). An authorized request that arrives before Jersey is ready waits for it, up to
 * {@link #START_WAIT_SECONDS}; if Jersey fails to start (logged), requests get a 503 problem.
 */
final class RestServlet implements Servlet {
    /** How long a request waits for Jersey to finish starting before it is answered 503. */
    static final long START_WAIT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(RestServlet.class);

    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final Supplier<Servlet> jerseyFactory;
    private final DirectChannelRead direct;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final ClassLoader loader;
    private volatile ServletConfig config;
    /** Set by the start thread before {@link #started} completes. */
    private Servlet jersey;

    /**
     * @param jerseyFactory makes Jersey's servlet; called on the start thread with {@code loader} as the context class
     *        loader
     */
    RestServlet(Supplier<Servlet> jerseyFactory, DirectChannelRead direct, Authenticator authenticator,
            ObjectMapper mapper, ClassLoader loader) {
        this.jerseyFactory = jerseyFactory;
        this.direct = direct;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.loader = loader;
    }

    @Override
    public void init(ServletConfig servletConfig) {
        this.config = servletConfig;
        Thread starter = new Thread(() -> startJersey(servletConfig), "chargeflex-rest-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void startJersey(ServletConfig servletConfig) {
        long t0 = System.nanoTime();
        try {
            serveWithContextLoader(loader, () -> {
                Servlet servlet = jerseyFactory.get();
                servlet.init(servletConfig);
                jersey = servlet;
                return null;
            });
            started.complete(null);
            LOG.info("REST API ready (Jersey started in {} ms)", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (ServletException | IOException | RuntimeException | Error e) {
            LOG.error("Jersey did not start: every request to the REST API is answered 503", e);
            started.completeExceptionally(e);
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
        if (!awaitJersey(request, response) || direct.serve(request, request.getPathInfo(), response)) {
            return;
        }
        serveWithContextLoader(loader, () -> {
            jersey.service(new AuthenticatedRequest(request, principal), response);
            return null;
        });
    }

    /** True when Jersey is ready; otherwise the request has been answered 503. */
    private boolean awaitJersey(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail;
        try {
            started.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            detail = "the REST API is still starting; try again shortly";
        } catch (ExecutionException e) {
            detail = "the REST API failed to start; the error has been logged";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            detail = "the REST API is stopping";
        }
        Problem problem = Problem.of(503, "rest-unavailable", "REST API unavailable").detail(detail)
                .instance(request.getRequestURI());
        response.setStatus(503);
        response.setHeader("Retry-After", "5");
        writeProblem(response, problem);
        return false;
    }

    @Override
    public void destroy() {
        try {
            started.get(START_WAIT_SECONDS, TimeUnit.SECONDS);
            destroyJersey();
        } catch (ExecutionException e) {
            // never started: nothing to destroy (the cause was logged)
        } catch (TimeoutException e) {
            LOG.warn("Jersey is still starting after {} s; it is destroyed once started", START_WAIT_SECONDS);
            started.thenRun(this::destroyJersey);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for Jersey to finish starting; it is destroyed once started");
            started.thenRun(this::destroyJersey);
        }
    }

    private void destroyJersey() {
        withContextLoader(loader, () -> {
            jersey.destroy();
            return null;
        });
    }

    @Override
    public ServletConfig getServletConfig() {
        return config;
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
        writeProblem(response, problem);
    }

    private void writeProblem(HttpServletResponse response, Problem problem) throws IOException {
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
