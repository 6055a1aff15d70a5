package org.chargeflex.systemtest.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny JSON HTTP server on a free loopback port (JDK {@code HttpServer}) for stand-ins: routes by method and path
 * pattern, records every request it served.
 */
public final class StubServer implements AutoCloseable {
    /** A received request. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** An answer; {@code headers} are added as they are. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply json(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }

    /** Computes the answer of one route. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request, Matcher path) throws Exception;
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();

    public StubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public StubServer route(String method, String pathRegex, Handler handler) {
        routes.add(0, new Route(method, Pattern.compile(pathRegex), handler)); // later routes win
        return this;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> received() {
        return List.copyOf(received);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Reply reply = Reply.json(404, "{\"title\":\"no stub route\"}");
            for (Route route : routes) {
                Matcher m = route.path().matcher(request.path());
                if (route.method().equals(request.method()) && m.matches()) {
                    reply = route.handler().handle(request, m);
                    break;
                }
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(StubServer.class).error("stub handler failed", e);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
