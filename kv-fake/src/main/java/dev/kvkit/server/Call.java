package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request in flight: the JDK exchange, what routing and parsing found (for the journal), the
 * warnings to send back, and the helpers that read the body and write the answer.
 */
final class Call {

    /** The response header that carries {@link #warn warnings} about likely client bugs. */
    static final String WARNING_HEADER = "X-Kvkit-Warning";

    final HttpExchange exchange;
    final String method;
    final String rawPath;
    final String rawQuery;
    /** The request's number in the journal. */
    final long sequence;

    Route route;
    QueryParameters query;
    final List<String> parts = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Writes this call to the journal; see {@link #record()}. */
    Runnable journalHook;
    /** Whether the body has been read to its end. */
    private boolean bodyRead;
    /** The status sent, or 0 while none has been (and for a connection closed without answer). */
    volatile int status;

    Call(HttpExchange exchange, long sequence) {
        this.exchange = exchange;
        this.sequence = sequence;
        this.method = exchange.getRequestMethod();
        this.rawPath = exchange.getRequestURI().getRawPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
    }

    /** Runs the journal hook, once: when the answer is about to go out, or when there will be none. */
    void record() {
        Runnable hook = journalHook;
        journalHook = null;
        if (hook != null) {
            hook.run();
        }
    }

    String key() {
        return route == null ? null : route.key();
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /**
     * Reads the whole body, refusing with 413 past {@code maxBytes} without reading the excess into
     * memory. A client that takes longer than {@code timeoutMillis} to send it has its connection
     * closed, so a stalled client holds its thread for that long at most.
     */
    byte[] body(long maxBytes, long timeoutMillis, ScheduledExecutorService timer) throws IOException {
        if (declaredLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        ScheduledFuture<?> watchdog = timer.schedule(this::cutOff, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            InputStream in = exchange.getRequestBody();
            byte[] buffer = new byte[(int) Math.min(maxBytes + 1, 8192)];
            int size = 0;
            for (int n; (n = in.read(buffer, size, buffer.length - size)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw tooLarge(maxBytes);
                }
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes + 1, (long) buffer.length * 2));
                }
            }
            bodyRead = true;
            return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        } finally {
            watchdog.cancel(false);
        }
    }

    /** Keys may hold any character; a header may not, so warnings are sent with ASCII escapes. */
    static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                safe.append(c);
            } else {
                safe.append(String.format("\\u%04x", (int) c));
            }
        }
        return safe.toString();
    }

    /**
     * Reads and throws away what is left of the body, up to twice {@code maxBytes} in all, so that a
     * client still sending gets to read the answer instead of a broken pipe. Called before an answer
     * is sent, so the watchdog can still close a stalled connection.
     *
     * @return whether the body was read to its end
     */
    boolean discardBody(long maxBytes, long timeoutMillis, ScheduledExecutorService timer) {
        if (bodyRead || declaredLength() > 2 * maxBytes) {
            // Read already, or too long to wait for: answer now; closing the exchange reads at most 64 KiB
            // more and then cuts the connection.
            return true;
        }
        ScheduledFuture<?> watchdog = timer.schedule(this::cutOff, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            InputStream in = exchange.getRequestBody();
            byte[] sink = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(sink)) >= 0; ) {
                total += n;
                if (total > 2 * maxBytes) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Closes the connection of a client too slow to send its body. Before an answer has started,
     * closing the exchange closes the socket at once, which ends the blocked read; after, it would
     * wait for the body itself, so it is left alone.
     */
    private void cutOff() {
        if (status == 0) {
            exchange.close();
        }
    }

    /** The Content-Length the client declared, or -1 (chunked, or not a number the JDK let through). */
    private long declaredLength() {
        String declared = header("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return new ApiError(
                413, ApiError.PAYLOAD_TOO_LARGE, "Payload too large: the request body exceeds " + maxBytes + " bytes");
    }

    void sendSuccess(JsonNode result) throws IOException {
        sendSuccess(result, null);
    }

    void sendSuccess(JsonNode result, JsonNode resultInfo) throws IOException {
        send(200, "application/json", Envelope.success(result, resultInfo));
    }

    void sendError(ApiError error) throws IOException {
        send(error.status(), "application/json", Envelope.failure(error));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        this.status = status;
        // Journaled before the answer goes out, so a client that has its answer finds the entry.
        record();
        exchange.getResponseHeaders().set("Content-Type", contentType);
        for (String warning : warnings) {
            exchange.getResponseHeaders().add(WARNING_HEADER, headerSafe(warning));
        }
        boolean head = method.equals("HEAD");
        exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
