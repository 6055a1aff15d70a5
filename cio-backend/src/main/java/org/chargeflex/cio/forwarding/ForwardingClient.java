package org.chargeflex.cio.forwarding;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * POSTs JSON to a management service. The timeout bounds the whole exchange (connect, answer and body); the answer
 * is read up to 256 KiB.
 */
@Component
class ForwardingClient {
    static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ForwardingClient.class);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * The body of a 200 answer, or a failure outcome with its reason.
     *
     * @param outcome {@code null} on success, else TIMEOUT, UNREACHABLE, HTTP_ERROR or INVALID_ANSWER (too long)
     */
    record Exchange(ForwardingOutcome outcome, String detail, byte[] body) {
    }

    Exchange post(URI url, Duration timeout, byte[] json) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> HttpResponse.BodySubscribers.fromSubscriber(new LimitedBody(),
                        LimitedBody::bytes));
        try {
            HttpResponse<byte[]> response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                return new Exchange(ForwardingOutcome.HTTP_ERROR, "status " + response.statusCode(), null);
            }
            if (response.body() == null) {
                return new Exchange(ForwardingOutcome.INVALID_ANSWER, "answer longer than " + MAX_ANSWER_BYTES + " bytes", null);
            }
            return new Exchange(null, null, response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            return timeout(url, timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                return timeout(url, timeout, e);
            }
            LOG.debug("Management service {} unreachable", url, e);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Exchange(ForwardingOutcome.UNREACHABLE, cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Exchange(ForwardingOutcome.UNREACHABLE, "interrupted", null);
        }
    }

    private static Exchange timeout(URI url, Duration timeout, Exception e) {
        LOG.debug("Management service {} gave no answer within {}", url, timeout, e);
        return new Exchange(ForwardingOutcome.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", null);
    }

    /**
     * Collects the body up to {@link #MAX_ANSWER_BYTES}; beyond that it discards the rest (the exchange still ends by
     * the deadline) and yields {@code null}.
     */
    private static final class LimitedBody implements Flow.Subscriber<List<ByteBuffer>> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private boolean tooLong;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (tooLong || out.size() + b.remaining() > MAX_ANSWER_BYTES) {
                    tooLong = true;
                    b.position(b.limit());
                    continue;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            LOG.debug("Reading a management service's answer failed", throwable);
        }

        @Override
        public void onComplete() {
            // bytes() is called by the HTTP client after completion
        }

        byte[] bytes() {
            return tooLong ? null : out.toByteArray();
        }
    }
}
