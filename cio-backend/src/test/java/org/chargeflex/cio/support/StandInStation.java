package org.chargeflex.cio.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for a station's REST server ({@code /rest/channels/{label}}, HTTP Basic, body {@code {"record":{"value":..}}})
 * until the real firmware is wired into these tests. Channels hold JSON values in memory.
 */
public final class StandInStation implements AutoCloseable {
    private final HttpServer server;
    private final String expectedAuthorization;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public StandInStation(String user, String password) throws IOException {
        expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rest/channels/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void set(String label, String jsonValue) {
        values.put(label, jsonValue);
    }

    public String value(String label) {
        return values.get(label);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"status\":401,\"title\":\"Unauthenticated\"}");
                return;
            }
            String label = exchange.getRequestURI().getPath().substring("/rest/channels/".length());
            if (!values.containsKey(label)) {
                respond(exchange, 404, "{\"status\":404,\"title\":\"Not found\",\"detail\":\"no channel " + label + "\"}");
                return;
            }
            if ("PUT".equals(exchange.getRequestMethod())) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                values.put(label, Api.JSON.readTree(body).get("record").get("value").toString());
                respond(exchange, 200, "{\"label\":\"" + label + "\",\"flag\":\"VALID\"}");
            } else {
                respond(exchange, 200, "{\"label\":\"" + label + "\",\"record\":{\"value\":" + values.get(label)
                        + ",\"flag\":\"VALID\"}}");
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
