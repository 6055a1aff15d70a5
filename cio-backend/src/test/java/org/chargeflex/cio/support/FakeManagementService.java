package org.chargeflex.cio.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A fleet or DNO management service on a real local HTTP server: answers each forwarded request with what a
 * function makes of it, optionally only after {@link #release()} (a slow service).
 */
public final class FakeManagementService implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Function<JsonNode, String> answer = r -> "{}";
    private volatile boolean slow;

    public FakeManagementService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers with the function's JSON. */
    public FakeManagementService answering(Function<JsonNode, String> answer) {
        this.answer = answer;
        return this;
    }

    /** Holds every answer until {@link #release()}. */
    public FakeManagementService slow() {
        this.slow = true;
        return this;
    }

    public void release() {
        release.countDown();
    }

    public List<JsonNode> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = Api.JSON.readTree(exchange.getRequestBody().readAllBytes());
            received.add(request);
            if (slow && !release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("slow service never released");
            }
            byte[] body = answer.apply(request).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the CIO gave up waiting (the slow case) and closed the connection: expected
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
