package dev.kvkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** The JDK HTTP client, pointed at a server's API with a token, for tests. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final KvApiServer server;
    private final HttpClient http;
    private String[] auth = {"Authorization", "Bearer test-token"};

    ApiClient(KvApiServer server) {
        this(server, SHARED);
    }

    ApiClient(KvApiServer server, HttpClient http) {
        this.server = server;
        this.http = http;
    }

    /** A response, read whole. */
    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        List<String> warnings() {
            return headers.allValues(Call.WARNING_HEADER);
        }

        /** The first error's code. */
        int code() {
            return json().path("errors").path(0).path("code").asInt();
        }

        /** The first error's message. */
        String message() {
            return json().path("errors").path(0).path("message").asText();
        }
    }

    ApiClient withAuth(String... headerAndValue) {
        ApiClient copy = new ApiClient(server, http);
        copy.auth = headerAndValue;
        return copy;
    }

    /** The path of a namespace in the default account: {@code /accounts/{a}/storage/kv/namespaces/{id}}. */
    String ns(String namespaceId) {
        return namespaces() + "/" + namespaceId;
    }

    String namespaces() {
        return "/accounts/" + server.accountId() + "/storage/kv/namespaces";
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    Response put(String path, String contentType, String body) {
        return send("PUT", path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Response post(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response putJson(String path, String json) {
        return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Response deleteJson(String path, String json) {
        return send("DELETE", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request to a path under the base URL ({@code /client/v4}), or, starting with {@code /__kvkit}, beside it. */
    Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < auth.length; i += 2) {
            request.header(auth[i], auth[i + 1]);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        String root = "http://127.0.0.1:" + server.port();
        return URI.create(path.startsWith("/__kvkit") ? root + path : server.baseUrl() + path);
    }
}
