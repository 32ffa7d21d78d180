package io.kycflow.fn.listrefresh;

import io.kycflow.net.UrlGuard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads one list file: every URL, redirects included, passes the {@link UrlGuard} (https only, no private
 * addresses unless allow-listed); one deadline covers the whole transfer; a body over the size cap is abandoned; a
 * transfer that breaks off before its declared length is an error, never a short file. Conditional requests
 * ({@code If-None-Match}, {@code If-Modified-Since}) let an unchanged file answer 304.
 */
final class ListDownloader {
    private static final int MAX_REDIRECTS = 5;

    /** Validators of the copy downloaded before; either may be null. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** What a download gave. */
    sealed interface Result permits NotModified, Downloaded {
    }

    /** 304: the copy downloaded before is current. */
    record NotModified() implements Result {
    }

    /** The file, with the validators to send next time. */
    record Downloaded(byte[] body, Validators validators) implements Result {
    }

    /** A download that gave no usable file; the message names the host, never the full URL (it may carry a token). */
    static final class DownloadException extends Exception {
        DownloadException(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final UrlGuard guard;
    private final Duration timeout;
    private final long maxBytes;

    /**
     * @param timeout  the deadline of one file's whole download (connection, redirects and body)
     * @param maxBytes the largest body accepted
     */
    ListDownloader(UrlGuard guard, Duration timeout, long maxBytes) {
        this.guard = guard;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        // Redirects are followed here, so each hop is checked against the guard.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Downloads {@code url}, conditionally when {@code validators} has any. */
    Result fetch(String url, Validators validators) throws DownloadException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = checked(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(uri, validators, deadline);
            int status = response.statusCode();
            if (status == 200) {
                return new Downloaded(response.body(), new Validators(response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null)));
            }
            if (status == 304 && (validators.etag() != null || validators.lastModified() != null)) {
                return new NotModified();
            }
            String location = response.headers().firstValue("Location").orElse(null);
            if (status / 100 != 3 || location == null) {
                throw new DownloadException("HTTP " + status + " from " + uri.getHost());
            }
            uri = checked(uri.resolve(location).toString());
        }
        throw new DownloadException("more than " + MAX_REDIRECTS + " redirects from " + URI.create(url).getHost());
    }

    private URI checked(String url) throws DownloadException {
        String refusal = guard.refusal(url, true);
        if (refusal != null) {
            String host;
            try {
                host = URI.create(url).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            throw new DownloadException("the URL" + (host == null ? "" : " of " + host) + " " + refusal);
        }
        return URI.create(url);
    }

    private HttpResponse<byte[]> send(URI uri, Validators validators, long deadline) throws DownloadException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept-Encoding", "identity");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request.build(),
                info -> info.statusCode() == 200 ? new CappedBody(maxBytes) : HttpResponse.BodySubscribers.replacing(null));
        try {
            return response.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new DownloadException("no complete answer from " + uri.getHost() + " within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new DownloadException(cause instanceof TooLarge ? cause.getMessage() + " from " + uri.getHost()
                    : "download from " + uri.getHost() + " failed: " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new DownloadException("interrupted while downloading from " + uri.getHost());
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("a body larger than " + maxBytes + " bytes");
        }
    }

    /** Collects the body up to {@code maxBytes}; beyond it the transfer is cancelled. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long maxBytes;
        private Flow.Subscription subscription;

        CappedBody(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return; // cancelled over the cap; buffers already in flight are dropped
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(maxBytes));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
