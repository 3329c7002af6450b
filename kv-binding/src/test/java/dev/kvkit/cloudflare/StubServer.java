package dev.kvkit.cloudflare;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A recording HTTP server on 127.0.0.1 for the client's tests: it keeps every request as it arrived
 * (raw path, raw query, headers, body) and answers from a queue of replies, or with an empty
 * success envelope when the queue is empty.
 */
final class StubServer implements AutoCloseable {

    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String NAMESPACE = "fedcba9876543210fedcba9876543210";
    static final String NAMESPACES = "/client/v4/accounts/" + ACCOUNT + "/storage/kv/namespaces";
    static final String PREFIX = NAMESPACES + "/" + NAMESPACE;
    static final String TOKEN = "s3cr3t-t0ken-value";

    /** Bodies are kept up to this size; longer ones are only counted. */
    private static final int KEPT_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private volatile Reply fallback = Reply.envelope("{}");
    private volatile java.util.function.LongConsumer bodyProgress = received -> {};

    private StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static StubServer start() {
        try {
            return new StubServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4");
    }

    /** A binding to the stub with a token and no retries. */
    CloudflareKvBinding binding() {
        return builder().build();
    }

    CloudflareKvBinding.Builder builder() {
        return CloudflareKvBinding.builder()
                .apiToken(TOKEN)
                .accountId(ACCOUNT)
                .namespaceId(NAMESPACE)
                .baseUrl(baseUrl())
                .retries(RetryPolicy.none());
    }

    CloudflareKvAccount account() {
        return CloudflareKvAccount.builder()
                .apiToken(TOKEN)
                .accountId(ACCOUNT)
                .baseUrl(baseUrl())
                .retries(RetryPolicy.none())
                .build();
    }

    /** Queues replies, answered in order; after them, the fallback. */
    StubServer reply(Reply... queued) {
        replies.addAll(List.of(queued));
        return this;
    }

    /** Sets the reply to every request once the queue is empty. */
    StubServer always(Reply reply) {
        fallback = reply;
        return this;
    }

    /** Called with the bytes of a request body received so far, as they arrive. */
    StubServer onBodyProgress(java.util.function.LongConsumer progress) {
        bodyProgress = progress;
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    void requestsClear() {
        requests.clear();
    }

    Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("Expected exactly one request, but got " + all);
        }
        return all.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long length = 0;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    if (kept.size() < KEPT_BODY) {
                        kept.write(buffer, 0, Math.min(n, KEPT_BODY - kept.size()));
                    }
                    length += n;
                    bodyProgress.accept(length);
                }
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            URI uri = exchange.getRequestURI();
            Recorded recorded = new Recorded(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    headers,
                    kept.toByteArray(),
                    length,
                    exchange.getRemoteAddress().getPort());
            requests.add(recorded);
            Reply reply = replies.poll();
            (reply == null ? fallback : reply).send(recorded, exchange);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One request as it arrived; {@code clientPort} tells the client's connections apart. */
    record Recorded(
            String method,
            String rawPath,
            String rawQuery,
            Map<String, List<String>> headers,
            byte[] body,
            long length,
            int clientPort) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The last path segment, decoded as RFC 3986 says: {@code %XX} only, a {@code +} stays. */
        String decodedKey() {
            return percentDecode(rawPath.substring(rawPath.lastIndexOf('/') + 1));
        }

        @Override
        public String toString() {
            return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    static String percentDecode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** How the stub answers one request. */
    @FunctionalInterface
    interface Reply {

        void send(Recorded request, HttpExchange exchange) throws IOException;

        static Reply envelope(String resultJson) {
            return raw(200, "{\"result\":" + resultJson + ",\"success\":true,\"errors\":[],\"messages\":[]}");
        }

        static Reply list(String resultJson, String resultInfoJson) {
            return raw(
                    200,
                    "{\"result\":" + resultJson + ",\"result_info\":" + resultInfoJson
                            + ",\"success\":true,\"errors\":[],\"messages\":[]}");
        }

        static Reply error(int status, int code, String message) {
            return raw(
                    status,
                    "{\"result\":null,\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\""
                            + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}],\"messages\":[]}");
        }

        static Reply missingKey() {
            return error(404, 10009, "get: 'key not found'");
        }

        static Reply raw(int status, String body, String... headerPairs) {
            return bytes(status, body.getBytes(StandardCharsets.UTF_8), headerPairs);
        }

        static Reply bytes(int status, byte[] body, String... headerPairs) {
            return (request, exchange) -> {
                for (int i = 0; i < headerPairs.length; i += 2) {
                    exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
                }
                if (body.length > 0 && exchange.getResponseHeaders().getFirst("Content-Type") == null) {
                    boolean json = body[0] == '{' || body[0] == '[';
                    exchange.getResponseHeaders()
                            .set("Content-Type", json ? "application/json" : "application/octet-stream");
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            };
        }

        /** Streams {@code length} bytes of a repeating pattern, chunked, never holding them. */
        static Reply stream(long length) {
            return (request, exchange) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) i;
                }
                try (OutputStream out = exchange.getResponseBody()) {
                    for (long sent = 0; sent < length; sent += chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, length - sent));
                    }
                }
            };
        }

        /** Waits before answering, to make a client time out. */
        static Reply delayed(long millis, Reply then) {
            return (request, exchange) -> {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                then.send(request, exchange);
            };
        }
    }
}
