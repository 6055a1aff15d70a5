package org.chargeflex.station.cioclient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A stand-in CIO on a local port: answers with a replaceable handler and records every request. */
final class StandInCio implements AutoCloseable {
    record Request(String method, String path, String authorization, String ifNoneMatch, String body) {
    }

    record Reply(int status, String etag, String body) {
        static Reply json(int status, String body) {
            return new Reply(status, null, body);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile Function<Request, Reply> handler = r -> Reply.json(404, "{}");

    StandInCio() throws IOException {
        this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    StandInCio(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    void handler(Function<Request, Reply> h) {
        this.handler = h;
    }

    URI base() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return URI.create(scheme + "://localhost:" + server.getAddress().getPort());
    }

    List<Request> requestsTo(String pathPart) {
        return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request r = new Request(x.getRequestMethod(), x.getRequestURI().getPath(),
                    x.getRequestHeaders().getFirst("Authorization"), x.getRequestHeaders().getFirst("If-None-Match"),
                    body);
            requests.add(r);
            Reply reply = handler.apply(r);
            if (reply.etag() != null) {
                x.getResponseHeaders().add("ETag", reply.etag());
            }
            byte[] out = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(reply.status(), reply.status() == 304 || out.length == 0 ? -1 : out.length);
            if (out.length > 0 && reply.status() != 304) {
                try (OutputStream os = x.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
