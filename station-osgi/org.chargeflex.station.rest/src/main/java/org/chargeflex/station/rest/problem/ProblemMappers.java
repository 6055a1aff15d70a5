package org.chargeflex.station.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The exception mappers: every error leaves the server as an {@code application/problem+json} body. */
public final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    /** The mapper instances to register, most specific first. */
    public static Object[] all() {
        return new Object[] {new ForProblem(), new ForWebApplication(), new CatchAll()};
    }

    static Response respond(Problem problem, UriInfo uri, Map<String, String> headers) {
        if (problem.instance() == null && uri != null) {
            problem.instance(uri.getRequestUri().getRawPath());
        }
        Response.ResponseBuilder b = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        headers.forEach(b::header);
        return b.build();
    }

    /** Problems thrown on purpose by the resources. */
    public static final class ForProblem implements ExceptionMapper<ProblemException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return respond(e.problem(), uri, e.headers());
        }
    }

    /** Jersey's own errors: unknown path (404), method not allowed (405), not acceptable (406), ... */
    public static final class ForWebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (status >= 500) {
                LOG.error("Request {} failed", uri == null ? "?" : uri.getRequestUri().getRawPath(), e);
            }
            Problem p = status == 404
                    ? Problem.of(404, "not-found", "Not Found").detail("no such resource")
                    : Problem.plain(status, original.getStatusInfo().getReasonPhrase());
            Response r = respond(p, uri, Map.of());
            Response.ResponseBuilder b = Response.fromResponse(r);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            return b.build();
        }
    }

    /** Anything else is a bug: logged with its stack trace here, answered as a bare 500. */
    public static final class CatchAll implements ExceptionMapper<Throwable> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            LOG.error("Unexpected error while serving {}", uri == null ? "?" : uri.getRequestUri().getRawPath(), e);
            return respond(Problem.of(500, "internal-error", "Internal Server Error")
                    .detail("the server failed unexpectedly; the error has been logged"), uri, Map.of());
        }
    }
}
