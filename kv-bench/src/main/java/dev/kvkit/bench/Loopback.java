package dev.kvkit.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kvkit.server.KvApiServer;
import dev.kvkit.server.ServedNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the HTTP benchmarks share: one way to build the client, the emulator and the bare server, all
 * on {@code 127.0.0.1} and a free port, and the requests both sides are sent.
 *
 * <p>The bare server answers from a recording: every request a benchmark will send is sent once to
 * an emulator, and its status, headers and body are kept; the bare server reads each request (body
 * included) and writes back the recorded answer byte for byte. Both servers are JDK {@link
 * HttpServer}s, so the headers the JDK adds itself ({@code Date}, {@code Content-length}) are added
 * to both alike.
 */
final class Loopback {

    static final String HOST = "127.0.0.1";
    /** The namespace id the emulator serves, fixed so that paths are the same for both sides. */
    static final String NAMESPACE_ID = "00000000000000000000000000000b01";

    static final String TOKEN = "kvkit-bench-token";
    /** Headers the JDK server writes itself, on the emulator and the bare server alike. */
    private static final Set<String> JDK_HEADERS = Set.of("date", "content-length", "transfer-encoding", "connection");

    private static final AtomicLong RETRIED = new AtomicLong();

    private Loopback() {}

    /** The client both sides are measured with: HTTP/1.1, keep-alive (the JDK's default), no proxy. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /** Starts an emulator serving one namespace, {@link #NAMESPACE_ID}, seeded with {@code keys} keys. */
    static KvApiServer emulator(int keys) {
        KvApiServer server = KvApiServer.builder().bindAddress(HOST).port(0).start();
        ServedNamespace namespace = server.createNamespace(server.accountId(), "BENCH", NAMESPACE_ID);
        for (int i = 0; i < keys; i++) {
            namespace.kv().put(Fixture.key(i), Fixture.value(i), Fixture.putOptions(i));
        }
        server.clearJournal();
        return server;
    }

    /** The namespace's path below the base URL {@code http://127.0.0.1:port}. */
    static String namespacePath() {
        return "/client/v4/accounts/" + KvApiServer.DEFAULT_ACCOUNT_ID + "/storage/kv/namespaces/" + NAMESPACE_ID;
    }

    /**
     * One request as sent: method, path and query below the server's origin, content type and body.
     * The same spec becomes the same bytes on the wire for either server; only the port differs.
     */
    record Spec(String method, String target, String contentType, byte[] body) {

        static Spec get(String target) {
            return new Spec("GET", target, null, null);
        }

        HttpRequest toRequest(URI origin) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(origin.resolve(target)).header("Authorization", "Bearer " + TOKEN);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            return builder.method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }

        Key key() {
            return new Key(method, target, ByteBuffer.wrap(body == null ? new byte[0] : body));
        }
    }

    /** What the bare server looks an answer up by: method, raw path and query, and body bytes. */
    record Key(String method, String target, ByteBuffer body) {}

    /** A recorded answer: status, the headers the emulator set, body. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        static Answer of(HttpResponse<byte[]> response) {
            Map<String, List<String>> headers = new HashMap<>();
            // Names in lower case, as the client gives them; the JDK server capitalises what it writes.
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!JDK_HEADERS.contains(lower)) {
                    headers.put(lower, values);
                }
            });
            return new Answer(response.statusCode(), headers, response.body());
        }
    }

    static URI origin(HttpServer server) {
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort());
    }

    static URI origin(KvApiServer server) {
        return URI.create("http://" + HOST + ":" + server.port());
    }

    /**
     * Sends a request, sending it once more when its connection is lost: once in one run of some
     * 800,000 requests on four threads (against the bare server, so not the emulator's doing), the
     * JDK client lost a kept-alive connection ("HTTP/1.1 header parser received no bytes") and
     * failed the whole benchmark. Every such retry is counted and printed when the benchmark's server
     * stops, so a run that needs many shows it.
     */
    static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        try {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException lost) {
                RETRIED.incrementAndGet();
                return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Prints how many requests were sent again; see {@link #send}. */
    static void reportRetries(String side) {
        System.out.println(side + ": " + RETRIED.get() + " requests sent again after a lost connection");
    }

    /** Sends a request and checks the status, so that neither side is ever timed answering an error. */
    static byte[] expect(HttpClient client, HttpRequest request, int status) {
        HttpResponse<byte[]> response = send(client, request);
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ", not " + status + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Sends every spec once to the server at {@code origin} and keeps each answer. */
    static Map<Key, Answer> record(HttpClient client, URI origin, Iterable<Spec> specs) {
        Map<Key, Answer> answers = new HashMap<>();
        for (Spec spec : specs) {
            answers.put(spec.key(), Answer.of(send(client, spec.toRequest(origin))));
        }
        return answers;
    }

    /**
     * Starts a bare JDK server that answers each recorded request with its recorded answer: the
     * least a JDK {@code HttpServer} can do to send the same bytes. Default executor (the
     * dispatcher thread runs the handler), as a bare server is written.
     */
    static HttpServer bareServer(Map<Key, Answer> answers) {
        HttpServer server = bind();
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
        return server;
    }

    /** Binds a JDK server to {@code 127.0.0.1} and a free port, the way {@link KvApiServer} does. */
    static HttpServer bind() {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void answer(HttpExchange exchange, Map<Key, Answer> answers) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            Answer answer = answers.get(new Key(exchange.getRequestMethod(), target, ByteBuffer.wrap(body)));
            if (answer == null) {
                exchange.sendResponseHeaders(599, -1);
                return;
            }
            exchange.getResponseHeaders().putAll(answer.headers());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    /**
     * Sends one request through the client to a throwaway socket that is not a JDK {@code
     * HttpServer}, so that the client's own classes are loaded and the first request a start-up
     * benchmark times is not also the client's first.
     */
    static void warmClient(HttpClient client) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            Thread responder = new Thread(() -> {
                try (Socket connection = socket.accept()) {
                    InputStream in = connection.getInputStream();
                    // Read up to the blank line that ends the request headers; the request has no body.
                    int matched = 0;
                    byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    for (int b; matched < end.length && (b = in.read()) >= 0; ) {
                        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
                    }
                    connection
                            .getOutputStream()
                            .write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            responder.setDaemon(true);
            responder.start();
            expect(
                    client,
                    Spec.get("/warm-up").toRequest(URI.create("http://" + HOST + ":" + socket.getLocalPort())),
                    200);
            responder.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
