package dev.kvkit.cloudflare;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends the requests of one account: credentials, timeouts and retries, and Cloudflare's error
 * envelope read back into the exception each caller asks for. Immutable and thread-safe, as the JDK
 * {@link HttpClient} under it is.
 */
final class Transport {

    /**
     * Reads envelopes. It keeps numbers exactly as written, so metadata copied out of an envelope
     * is the JSON that was stored, and it is never handed out, so no caller can reconfigure it.
     */
    static final ObjectMapper WIRE = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    /** The most of an error body that is read: enough for any envelope, never a whole value. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final String base;
    private final Credentials credentials;
    private final String userAgent;
    private final Duration timeout;
    private final RetryPolicy retries;

    Transport(
            HttpClient http,
            URI baseUrl,
            Credentials credentials,
            String userAgent,
            Duration timeout,
            RetryPolicy retries) {
        this.http = http;
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.credentials = credentials;
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.retries = retries;
    }

    String base() {
        return base;
    }

    Credentials credentials() {
        return credentials;
    }

    /** Whether a request may be sent twice. */
    enum Repeat {
        /** Idempotent: the same request twice leaves the same state. */
        SAFE,
        /** May have effects twice: retried only when the policy says so, or the service asks. */
        UNSAFE,
        /** Its body was consumed by the first attempt. */
        NEVER
    }

    /** Turns the service's refusal into the caller's exception. */
    @FunctionalInterface
    interface Failure {
        RuntimeException of(String method, String path, int status, int code, String message);
    }

    /**
     * One request.
     *
     * @param path the raw path after the base URL, already percent-encoded
     * @param query the raw query, already encoded, or null
     * @param body the body, or null for none
     * @param missingIsNull whether a 404 with code 10009 (key not found) answers null rather than fail
     */
    record Call(
            String method,
            String path,
            String query,
            String accept,
            String contentType,
            HttpRequest.BodyPublisher body,
            Repeat repeat,
            boolean missingIsNull,
            Failure failure) {

        /** A {@code GET}; {@code missingIsNull} on the value and metadata routes. */
        static Call read(String path, String query, String accept, boolean missingIsNull, Failure failure) {
            return new Call("GET", path, query, accept, null, null, Repeat.SAFE, missingIsNull, failure);
        }

        /** A call whose answer is an envelope, with a body or none ({@code null}). */
        static Call envelope(
                String method, String path, String query, RequestBodies.Body body, Repeat repeat, Failure failure) {
            return new Call(
                    method,
                    path,
                    query,
                    "application/json",
                    body == null ? null : body.contentType(),
                    body == null ? null : body.publisher(),
                    repeat,
                    false,
                    failure);
        }
    }

    /**
     * Sends a call, retrying as the policy says, and returns the successful response with its body
     * unread, or {@code null} for a missing key when the call allows it. The caller closes the body.
     */
    HttpResponse<InputStream> send(Call call) {
        return send(call, HttpResponse.BodyHandlers.ofInputStream(), Transport::readError);
    }

    private <T> HttpResponse<T> send(
            Call call, HttpResponse.BodyHandler<T> handler, Function<HttpResponse<T>, ApiError> errorOf) {
        URI uri = URI.create(base + call.path() + (call.query() == null ? "" : "?" + call.query()));
        String path = uri.getRawPath();
        HttpRequest request = request(call, uri);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<T> response;
            try {
                response = http.send(request, handler);
            } catch (IOException e) {
                Duration delay = call.repeat() == Repeat.NEVER
                        ? null
                        : retries.afterNoAnswer(attempt, call.repeat() == Repeat.SAFE);
                if (delay == null) {
                    throw new KvTransportException(call.method(), path, attempt, describe(e), e);
                }
                pause(call, path, attempt, delay);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(call, path, attempt, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            ApiError error = errorOf.apply(response);
            if (status == 404 && error.code() == 10009 && call.missingIsNull()) {
                return null;
            }
            Duration delay = call.repeat() == Repeat.NEVER
                    ? null
                    : retries.afterAnswer(
                            attempt,
                            status,
                            response.headers().firstValue("x-should-retry").orElse(null),
                            retryAfter(response),
                            call.repeat() == Repeat.SAFE);
            if (delay == null) {
                throw call.failure().of(call.method(), path, status, error.code(), error.message());
            }
            pause(call, path, attempt, delay);
        }
    }

    /**
     * Sends a call whose answer is an envelope and returns it, or {@code null} for a missing key when
     * the call allows it.
     */
    JsonNode sendForEnvelope(Call call) {
        return sendForEnvelope(call, body -> {
            JsonNode envelope = WIRE.readTree(body);
            if (envelope == null || !envelope.isObject()) {
                throw new IOException("The answer is not a JSON object");
            }
            return envelope;
        });
    }

    /** Reads a whole answer body that is an envelope. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(byte[] body) throws IOException;
    }

    /**
     * Sends a call whose answer is an envelope and reads its body, received whole, with {@code
     * reader}, or returns {@code null} for a missing key when the call allows it. A body the reader
     * cannot read fails with the status and what was wrong.
     *
     * <p>An envelope is read whole rather than streamed: the JDK client then reads it to its end in
     * one go and pools the connection, where a stream closed at the envelope's last brace makes it
     * close the connection instead (ConnectionReuseTest), and a key list page is parsed from the
     * bytes in one pass ({@link KeyListBody}).
     */
    <T> T sendForEnvelope(Call call, BodyReader<T> reader) {
        HttpResponse<byte[]> response =
                send(call, HttpResponse.BodyHandlers.ofByteArray(), r -> readError(r.statusCode(), r.body()));
        if (response == null) {
            return null;
        }
        try {
            return reader.read(response.body());
        } catch (IOException e) {
            throw notAnEnvelope(call, response, e);
        }
    }

    private static KvTransportException notAnEnvelope(Call call, HttpResponse<?> response, IOException e) {
        return new KvTransportException(
                call.method(),
                response.uri().getRawPath(),
                1,
                "answered " + response.statusCode() + " with a body that is not Cloudflare's envelope: "
                        + e.getMessage(),
                e);
    }

    private HttpRequest request(Call call, URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", call.accept())
                .header("User-Agent", userAgent)
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : call.body());
        credentials.headers().forEach(builder::header);
        if (call.contentType() != null) {
            builder.header("Content-Type", call.contentType());
        }
        return builder.build();
    }

    private void pause(Call call, String path, int attempt, Duration delay) {
        try {
            retries.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(call, path, attempt, e);
        }
    }

    private static KvTransportException interrupted(Call call, String path, int attempt, InterruptedException e) {
        IOException cause = new java.io.InterruptedIOException("interrupted");
        cause.initCause(e);
        return new KvTransportException(call.method(), path, attempt, "interrupted while waiting", cause);
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer in time (" + e.getClass().getName() + ": " + e.getMessage() + ")";
        }
        return e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The first error of an envelope; the reason phrase when the body is not one. */
    private static ApiError readError(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        byte[] bytes;
        try (InputStream body = response.body()) {
            bytes = body.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new ApiError(0, reasonPhrase(status));
        }
        return readError(status, bytes);
    }

    /** The first error of an envelope received whole; the reason phrase when the body is not one. */
    private static ApiError readError(int status, byte[] bytes) {
        try {
            JsonNode errors = WIRE.readTree(bytes).path("errors");
            if (errors.isArray() && errors.size() > 0) {
                JsonNode first = errors.get(0);
                String message = first.path("message").isTextual()
                        ? first.path("message").asText()
                        : reasonPhrase(status);
                return new ApiError(first.path("code").asInt(0), message);
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON: a proxy's page, say. The status is all there is.
        }
        return new ApiError(0, reasonPhrase(status));
    }

    private record ApiError(int code, String message) {}

    /** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
    private static Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /**
     * The standard reason phrase: the JDK client does not expose the one the server sent, and
     * Cloudflare sends the standard ones.
     */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }

    /** How requests authenticate; {@code toString} names the kind only, never a secret. */
    record Credentials(String kind, Map<String, String> headers) {

        static Credentials token(String token) {
            return new Credentials("API token", Map.of("Authorization", "Bearer " + token));
        }

        static Credentials key(String key, String email) {
            return new Credentials("API key", Map.of("X-Auth-Key", key, "X-Auth-Email", email));
        }

        @Override
        public String toString() {
            return kind;
        }
    }
}
