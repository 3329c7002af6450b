package dev.kvkit.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kvkit.KvListPage;
import dev.kvkit.ListOptions;
import dev.kvkit.cloudflare.CloudflareKvBinding;
import dev.kvkit.cloudflare.RetryPolicy;
import dev.kvkit.server.KvApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code CloudflareKvBinding} against {@code KvApiServer} on loopback, beside a bare JDK {@code
 * HttpClient} sending the very same requests to the same kind of emulator: {@code get} of a 100-byte
 * text value, {@code put} of one, and {@code list} of a 10-key prefix page and of the default page
 * of 1,000 keys with their metadata. One client thread, time per call.
 *
 * <p>The bare requests are not written by hand: in its set-up the baseline points a {@code
 * CloudflareKvBinding} at a capturing proxy in front of an emulator, makes each call once, and keeps
 * method, path and query, headers and body of what the binding sent. It then sends exactly those,
 * through an {@code HttpClient} built the same way as the one the binding is given, and reads each
 * answer's body whole without parsing it. The ratio is what the binding adds: its checks, key
 * encoding, building the request, and reading the answer (JSON for put and list, text for get).
 *
 * <p>For the 1,000-key page that last part is most of the cost: the bare client reads 65 kB it never
 * looks at, while the binding must tokenise them. So the page is also measured against the client a
 * team would write by hand ({@code ListPageOf1000VsJacksonTree}): the same requests, each answer read
 * into a Jackson tree, as Java code that reads JSON mostly does; and against the least any client
 * that reads it with Jackson can do ({@code ListPageOf1000VsJacksonTokens}): the same requests, each
 * answer's tokens walked by a streaming parser and nothing kept. Beside that floor the ratio is what
 * the binding adds to reading the page at all: its keys, names and metadata slices.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
// Many short iterations: with 6, JMH's 99.9% interval is 6.9 standard errors wide, with 20 it is 3.9.
@Measurement(iterations = 20, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dsun.net.httpserver.nodelay=true"})
public class ClientBenchmark {

    static final int KEYS = ApiServerBenchmark.KEYS;
    private static final int VISITED = 1 << 10;
    private static final int MASK = VISITED - 1;
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> CLIENT_SET = Set.of("host", "content-length", "connection", "upgrade", "expect");

    /** The hand-written client's reader: a plain mapper, as most Java code has one. */
    private static final ObjectMapper TREE_READER = new ObjectMapper();

    /** The least any client that reads a page with Jackson does: walk its tokens, keep nothing. */
    private static final JsonFactory TOKEN_READER = new JsonFactory();

    static final ListOptions PREFIX_PAGE =
            ListOptions.defaults().withPrefix("key:000012").withLimit(10);

    /** The keys both sides visit, in the same order, and the value each is written with. */
    static final class Calls {
        final String[] keys = new String[VISITED];
        final String[] values = new String[VISITED];

        Calls() {
            Random random = new Random(42);
            for (int i = 0; i < VISITED; i++) {
                int k = random.nextInt(KEYS);
                keys[i] = Fixture.key(k);
                values[i] = new String(Fixture.value(k), java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
    }

    static CloudflareKvBinding binding(URI origin, HttpClient client) {
        return CloudflareKvBinding.builder()
                .apiToken(Loopback.TOKEN)
                .accountId(KvApiServer.DEFAULT_ACCOUNT_ID)
                .namespaceId(Loopback.NAMESPACE_ID)
                .baseUrl(URI.create(origin + "/client/v4"))
                .httpClient(client)
                .retries(RetryPolicy.none())
                .build();
    }

    /** kvkit's side: the binding, given the benchmark's client, on an emulator of 10,000 keys. */
    @State(Scope.Benchmark)
    public static class Binding {
        KvApiServer server;
        CloudflareKvBinding kv;
        Calls calls;

        @Setup(Level.Trial)
        public void setUp() {
            server = Loopback.emulator(KEYS);
            kv = binding(Loopback.origin(server), Loopback.client());
            calls = new Calls();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.close();
        }
    }

    /** The baseline's side: the binding's own requests, captured once, sent by a bare client. */
    @State(Scope.Benchmark)
    public static class Bare {
        KvApiServer server;
        HttpClient client;
        HttpRequest[] gets;
        HttpRequest[] puts;
        HttpRequest list;
        HttpRequest firstPage;

        @Setup(Level.Trial)
        public void setUp() {
            server = Loopback.emulator(KEYS);
            client = Loopback.client();
            Calls calls = new Calls();
            URI origin = Loopback.origin(server);
            List<Captured> captured = new ArrayList<>();
            HttpServer proxy = capturingProxy(origin, captured);
            try {
                CloudflareKvBinding kv = binding(Loopback.origin(proxy), Loopback.client());
                for (String key : calls.keys) {
                    kv.get(key);
                }
                for (int i = 0; i < VISITED; i++) {
                    kv.put(calls.keys[i], calls.values[i]);
                }
                kv.list(PREFIX_PAGE);
                kv.list(ListOptions.defaults());
            } finally {
                proxy.stop(0);
            }
            if (captured.size() != 2 * VISITED + 2) {
                throw new IllegalStateException("The binding sent " + captured.size() + " requests, not one per call");
            }
            gets = captured.subList(0, VISITED).stream()
                    .map(c -> c.toRequest(origin))
                    .toArray(HttpRequest[]::new);
            puts = captured.subList(VISITED, 2 * VISITED).stream()
                    .map(c -> c.toRequest(origin))
                    .toArray(HttpRequest[]::new);
            list = captured.get(2 * VISITED).toRequest(origin);
            firstPage = captured.get(2 * VISITED + 1).toRequest(origin);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            server.close();
            Loopback.reportRetries("bare client");
        }
    }

    /** A request as the binding sent it. */
    record Captured(String method, String target, Map<String, List<String>> headers, byte[] body) {

        HttpRequest toRequest(URI origin) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(origin.resolve(target));
            headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            return builder.method(
                            method,
                            body.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }
    }

    /** A JDK server that keeps each request it gets and passes it on to {@code origin}, answer and all. */
    static HttpServer capturingProxy(URI origin, List<Captured> captured) {
        HttpClient upstream = Loopback.client();
        HttpServer proxy = Loopback.bind();
        proxy.createContext("/", exchange -> relay(exchange, origin, upstream, captured));
        proxy.start();
        return proxy;
    }

    private static void relay(HttpExchange exchange, URI origin, HttpClient upstream, List<Captured> captured)
            throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String target = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!CLIENT_SET.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, List.copyOf(values));
                }
            });
            Captured request = new Captured(exchange.getRequestMethod(), target, headers, body);
            synchronized (captured) {
                captured.add(request);
            }
            HttpResponse<byte[]> answer = Loopback.send(upstream, request.toRequest(origin));
            Loopback.Answer.of(answer)
                    .headers()
                    .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Each thread's position in the visiting order. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            return next++ & MASK;
        }
    }

    @Benchmark
    public String kvkitGet(Binding s, Cursor c) {
        return s.kv.get(s.calls.keys[c.advance()]);
    }

    @Benchmark
    public byte[] baselineGet(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.gets[c.advance()], 200);
    }

    @Benchmark
    public void kvkitPut(Binding s, Cursor c) {
        int i = c.advance();
        s.kv.put(s.calls.keys[i], s.calls.values[i]);
    }

    @Benchmark
    public byte[] baselinePut(Bare s, Cursor c) {
        return Loopback.expect(s.client, s.puts[c.advance()], 200);
    }

    @Benchmark
    public KvListPage kvkitListPrefixPageOf10(Binding s) {
        return s.kv.list(PREFIX_PAGE);
    }

    @Benchmark
    public byte[] baselineListPrefixPageOf10(Bare s) {
        return Loopback.expect(s.client, s.list, 200);
    }

    @Benchmark
    public KvListPage kvkitListPageOf1000(Binding s) {
        return s.kv.list(ListOptions.defaults());
    }

    @Benchmark
    public byte[] baselineListPageOf1000(Bare s) {
        return Loopback.expect(s.client, s.firstPage, 200);
    }

    @Benchmark
    public KvListPage kvkitListPageOf1000VsJacksonTree(Binding s) {
        return s.kv.list(ListOptions.defaults());
    }

    @Benchmark
    public JsonNode baselineListPageOf1000VsJacksonTree(Bare s) throws IOException {
        return TREE_READER.readTree(Loopback.expect(s.client, s.firstPage, 200));
    }

    @Benchmark
    public KvListPage kvkitListPageOf1000VsJacksonTokens(Binding s) {
        return s.kv.list(ListOptions.defaults());
    }

    @Benchmark
    public int baselineListPageOf1000VsJacksonTokens(Bare s) throws IOException {
        byte[] body = Loopback.expect(s.client, s.firstPage, 200);
        int tokens = 0;
        try (JsonParser parser = TOKEN_READER.createParser(body)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
