package dev.kvkit.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.GetOptions;
import dev.kvkit.KvBinding;
import dev.kvkit.KvException;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.KvListPage;
import dev.kvkit.KvOperation;
import dev.kvkit.KvType;
import dev.kvkit.KvValueWithMetadata;
import dev.kvkit.ListOptions;
import dev.kvkit.PutOptions;
import dev.kvkit.internal.BindingChecks;
import dev.kvkit.internal.WorkerUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A {@link KvBinding} over Cloudflare's v4 REST API: the same calls a Worker makes on {@code
 * env.TODO}, from any JVM, against Cloudflare or against {@code KvApiServer}.
 *
 * <pre>{@code
 * CloudflareKvBinding kv = CloudflareKvBinding.builder()
 *         .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
 *         .accountId(System.getenv("CLOUDFLARE_ACCOUNT_ID"))
 *         .namespaceId("0f2ac74b498b48028cb68387c421e279")
 *         .build();
 * kv.put("to-do:123", "Buy milk", PutOptions.defaults().withExpirationTtl(3600));
 * String todo = kv.get("to-do:123");
 * }</pre>
 *
 * <p>In tests, point it at {@code KvApiServer} and leave retries off, so a failure shows at once:
 *
 * <pre>{@code
 * CloudflareKvBinding kv = CloudflareKvBinding.builder()
 *         .apiToken("any")
 *         .accountId(server.accountId())
 *         .namespaceId(server.createNamespace("settings").id())
 *         .baseUrl(URI.create(server.baseUrl()))
 *         .retries(RetryPolicy.none())
 *         .build();
 * }</pre>
 *
 * <h2>Errors, as the fake raises them</h2>
 *
 * The checks a Worker's binding makes before any request (key names, {@code null}s, option ranges,
 * cacheTtl, list limit, bulk read rules) are made here, before any request, with the same {@link
 * IllegalArgumentException} and {@link KvException} texts as {@code FakeKvNamespace}. What only the
 * service can judge (an expiration against its clock, metadata and value sizes) it judges, and its
 * error envelope becomes a {@code KvException} whose reason is the envelope's message, for example
 * {@code KV PUT failed: 413 Value length of 26214401 exceeds limit of 26214400.} An error answer
 * that is not Cloudflare's envelope gives the status and its reason phrase. A request that gets no
 * answer raises {@link KvTransportException}.
 *
 * <p>A bulk read is checked key by key in request order, as a Worker's is: a key's name, then the
 * cacheTtl, then (JSON) whether its value parses. The values are the service's to show, so when a
 * JSON bulk read refuses a key's name after others passed, those keys are read first (one request,
 * made only then) and a value among them that is not JSON is reported instead, as a Worker would.
 *
 * <h2>What REST cannot express</h2>
 *
 * <ul>
 *   <li>{@code cacheTtl} is checked (at least 30) and then ignored: the REST API reads the central
 *       store and has no edge cache to tune. For the same reason {@link
 *       KvValueWithMetadata#cacheStatus()} is always {@code null}, and reads see writes at once.
 *   <li>{@code getWithMetadata} of text or JSON is one request (the bulk read route, which returns a
 *       value and its metadata together, from one record). Of bytes or a stream it is two, the
 *       metadata then the value, and not atomic: a write in between can pair new bytes with old
 *       metadata. A key that vanishes in between reads as missing.
 *   <li>A key holding a lone UTF-16 surrogate cannot travel in a URL: get, getWithMetadata, put
 *       and delete of one fail as the service fails them, {@code 400 Could not URL-decode key name},
 *       without a request. A bulk read does not ask for it (no such key can exist) and lists it as
 *       missing.
 * </ul>
 *
 * <h2>Keys on the wire</h2>
 *
 * A key is one path segment, percent-encoded per RFC 3986: every UTF-8 byte outside {@code A-Z a-z
 * 0-9 - . _ ~} becomes {@code %XX}, so {@code /}, {@code ?}, {@code #}, {@code %}, {@code +}, spaces,
 * NUL and emoji all arrive as written. This needs a namespace that {@link
 * KvNamespaceInfo#supportsUrlEncoding() supports URL encoding}, as every namespace made since 2021
 * does.
 *
 * <h2>Streams</h2>
 *
 * {@link KvType#STREAM} reads return the HTTP response body itself, unbuffered: close it, or the
 * connection is not released. {@link #put(String, InputStream, PutOptions)} sends the stream as it
 * reads it (chunked), so neither direction holds a whole value in memory; such a write is never
 * retried, since its stream was consumed.
 *
 * <h2>Retries and timeouts</h2>
 *
 * Each attempt waits at most {@link Builder#timeout(Duration)} for its answer; {@link
 * RetryPolicy#defaults()} sends a call up to three times on a {@code 429}, a {@code 5xx}, a {@code
 * 408} or no answer, obeying {@code Retry-After} and {@code x-should-retry}. Every call of this class
 * is idempotent (a write or delete repeated leaves the same record), so all are retried, except a
 * write from a stream, whose stream is spent. See {@link RetryPolicy}.
 *
 * <h2>Beyond the binding</h2>
 *
 * {@link #putBulk(Collection)} and {@link #deleteBulk(Collection)} use the REST API's bulk routes,
 * 10,000 keys per request; a Worker has neither. Namespaces are created, listed, renamed and deleted
 * through {@link CloudflareKvAccount}.
 *
 * <p>Immutable and thread-safe: share one instance, whose HTTP client pools connections. {@link
 * #toString()} and exception messages never show a credential.
 *
 * @since 0.1.0
 */
public final class CloudflareKvBinding implements KvBinding {

    private final Transport transport;
    private final ValueCodec codec;
    private final BulkWrites bulk;
    private final String accountId;
    private final String namespaceId;
    private final String path;

    CloudflareKvBinding(
            Transport transport, KvJsonCodec jsonCodec, String accountId, String namespaceId, String namespacesPath) {
        this.transport = transport;
        this.codec = new ValueCodec(jsonCodec);
        this.accountId = accountId;
        this.namespaceId = namespaceId;
        this.path = namespacesPath + "/" + PercentEncoding.encode(namespaceId);
        this.bulk = new BulkWrites(transport, path, codec);
    }

    /**
     * Returns a builder; {@link Builder#accountId(String)}, {@link Builder#namespaceId(String)} and
     * a credential are required.
     *
     * @return a new builder
     * @since 0.1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- single reads

    /**
     * {@inheritDoc}
     *
     * <p>One {@code GET .../values/{key}}. {@code cacheTtl} is checked, then ignored (see the class
     * documentation). A {@link KvType#STREAM} result is the open response body; close it.
     *
     * @since 0.1.0
     */
    @Override
    public <T> T get(String key, KvType<T> type, GetOptions options) {
        ClientChecks.CHECKS.read(key, type, options);
        HttpResponse<InputStream> response = transport.send(valueCall(key, KvOperation.GET));
        return response == null ? null : decode(key, response, type);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Text and JSON take one request, {@code POST .../bulk/get} with {@code withMetadata}, which
     * returns value and metadata of one record. Bytes and streams take two, {@code GET
     * .../metadata/{key}} then {@code GET .../values/{key}}, which are not atomic. {@code cacheTtl} is
     * checked, then ignored; {@code cacheStatus} is always {@code null}.
     *
     * @since 0.1.0
     */
    @Override
    public <T> KvValueWithMetadata<T> getWithMetadata(String key, KvType<T> type, GetOptions options) {
        ClientChecks.CHECKS.read(key, type, options);
        if (type.kind() == KvType.Kind.TEXT || type.kind() == KvType.Kind.JSON) {
            JsonNode entry = bulkRead(List.of(key), true, KvOperation.GET, key).get(key);
            if (entry == null || entry.isNull()) {
                return new KvValueWithMetadata<>(null, null, null);
            }
            return codec.withMetadata(codec.read(key, entry.path("value").asText(), type), entry.path("metadata"));
        }
        JsonNode metadata = transport.sendForEnvelope(Transport.Call.read(
                path + "/metadata/" + PercentEncoding.encode(key),
                null,
                "application/json",
                true,
                failure(KvOperation.GET, key)));
        if (metadata == null) {
            return new KvValueWithMetadata<>(null, null, null);
        }
        HttpResponse<InputStream> response = transport.send(valueCall(key, KvOperation.GET));
        if (response == null) {
            return new KvValueWithMetadata<>(null, null, null);
        }
        return codec.withMetadata(decode(key, response, type), metadata.path("result"));
    }

    private Transport.Call valueCall(String key, KvOperation operation) {
        return Transport.Call.read(valuePath(key), null, "application/octet-stream", true, failure(operation, key));
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(String key, HttpResponse<InputStream> response, KvType<T> type) {
        if (type.kind() == KvType.Kind.STREAM) {
            return (T) response.body();
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new KvTransportException(
                    "GET", response.uri().getRawPath(), 1, "the value's body broke off: " + e, e);
        }
        return codec.read(key, bytes, type);
    }

    // ---------------------------------------------------------------- bulk reads

    /**
     * {@inheritDoc}
     *
     * <p>One {@code POST .../bulk/get}. Values travel as text and are parsed here, so JSON numbers
     * keep every digit. {@code cacheTtl} is checked, then ignored.
     *
     * @since 0.1.0
     */
    @Override
    public <T> Map<String, T> get(Collection<String> keys, KvType<T> type, GetOptions options) {
        LinkedHashSet<String> unique = ClientChecks.bulkRead(keys, type, options, this::readFirstNotJson);
        Map<String, JsonNode> found = bulkRead(unique, false, KvOperation.GET_BULK, null);
        requireJson(unique, found, type, false);
        Map<String, T> results = new LinkedHashMap<>();
        for (String key : unique) {
            JsonNode value = found.get(key);
            results.put(key, value == null || value.isNull() ? null : codec.read(key, value.asText(), type));
        }
        return Collections.unmodifiableMap(results);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code POST .../bulk/get} with {@code withMetadata}. {@code cacheTtl} is checked, then
     * ignored; {@code cacheStatus} is always {@code null}.
     *
     * @since 0.1.0
     */
    @Override
    public <T> Map<String, KvValueWithMetadata<T>> getWithMetadata(
            Collection<String> keys, KvType<T> type, GetOptions options) {
        LinkedHashSet<String> unique = ClientChecks.bulkRead(keys, type, options, this::readFirstNotJson);
        Map<String, JsonNode> found = bulkRead(unique, true, KvOperation.GET_BULK, null);
        requireJson(unique, found, type, true);
        Map<String, KvValueWithMetadata<T>> results = new LinkedHashMap<>();
        for (String key : unique) {
            JsonNode entry = found.get(key);
            results.put(
                    key,
                    entry == null || entry.isNull()
                            ? null
                            : codec.withMetadata(
                                    codec.read(key, entry.path("value").asText(), type), entry.path("metadata")));
        }
        return Collections.unmodifiableMap(results);
    }

    /**
     * A JSON bulk read fails as a whole if any value found is not JSON, as the service's does, naming
     * the first such key in request order.
     */
    private void requireJson(
            Collection<String> keys, Map<String, JsonNode> found, KvType<?> type, boolean withMetadata) {
        if (type.kind() != KvType.Kind.JSON) {
            return;
        }
        String notJson = firstNotJson(keys, found, withMetadata);
        if (notJson != null) {
            throw BindingChecks.bulkNotJson(notJson);
        }
    }

    private String firstNotJson(Collection<String> keys, Map<String, JsonNode> found, boolean withMetadata) {
        for (String key : keys) {
            JsonNode entry = found.get(key);
            JsonNode value = withMetadata && entry != null ? entry.path("value") : entry;
            if (value != null && !value.isNull() && !value.isMissingNode() && !codec.isJson(value.asText())) {
                return key;
            }
        }
        return null;
    }

    /**
     * Which of {@code keys}, whose names a JSON bulk read accepted before it refused a later key's,
     * holds a value that is not JSON: one request, made only on that refusal, so the read reports
     * what a Worker's binding reaches first. Null when none does, or when the service does not
     * answer; the name's refusal stands then.
     */
    private String readFirstNotJson(List<String> keys) {
        Map<String, JsonNode> found;
        try {
            found = bulkRead(keys, false, KvOperation.GET_BULK, null);
        } catch (RuntimeException noAnswer) {
            return null;
        }
        return firstNotJson(keys, found, false);
    }

    /**
     * Asks the bulk read route for the keys as text, and returns its {@code values} object by key.
     * Keys no URL or JSON text can carry (lone surrogates) are not asked for: none can exist. A
     * refusal names {@code failureKey}, null when the read is about several keys.
     */
    private Map<String, JsonNode> bulkRead(
            Collection<String> keys, boolean withMetadata, KvOperation operation, String failureKey) {
        ObjectNode body = Transport.WIRE.createObjectNode();
        ArrayNode keyArray = body.putArray("keys");
        keys.stream().filter(key -> !WorkerUtf8.hasLoneSurrogate(key)).forEach(keyArray::add);
        if (keyArray.isEmpty()) {
            return Map.of();
        }
        body.put("type", "text");
        if (withMetadata) {
            body.put("withMetadata", true);
        }
        JsonNode values = transport
                .sendForEnvelope(jsonCall("POST", path + "/bulk/get", writeJsonBytes(body), operation, failureKey))
                .path("result")
                .path("values");
        Map<String, JsonNode> found = new LinkedHashMap<>();
        values.fields().forEachRemaining(field -> found.put(field.getKey(), field.getValue()));
        return found;
    }

    // ---------------------------------------------------------------- writes

    /**
     * {@inheritDoc}
     *
     * <p>One {@code PUT .../values/{key}}: the raw UTF-8 text, or {@code multipart/form-data} when
     * there is metadata. A lone surrogate in the value is stored as U+FFFD, as a Worker stores it.
     *
     * @since 0.1.0
     */
    @Override
    public void put(String key, String value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        write(key, WorkerUtf8.encode(value), "text/plain;charset=UTF-8", options);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code PUT .../values/{key}}, the bytes raw or, with metadata, in {@code
     * multipart/form-data}. The array is sent as it is, not copied, before this method returns.
     *
     * @since 0.1.0
     */
    @Override
    public void put(String key, byte[] value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        write(key, value, "application/octet-stream", options);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code PUT .../values/{key}} whose body is read from the stream as it is sent, never
     * held in memory whole; a value over the service's limit is refused by the service. Such a write
     * is never retried.
     *
     * @since 0.1.0
     */
    @Override
    public void put(String key, InputStream value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        byte[] metadata = codec.metadata(options);
        ClientChecks.expiration(key, options);
        RequestBodies.Body body = metadata == null
                ? RequestBodies.raw(value, "application/octet-stream")
                : RequestBodies.multipart(metadata, value);
        send(key, body, options, Transport.Repeat.NEVER);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code PUT .../values/{key}} of the JSON text the binding's {@link KvJsonCodec} writes.
     *
     * @since 0.1.0
     */
    @Override
    public void putJson(String key, Object value, PutOptions options) {
        ClientChecks.write(key, options);
        if (value == null) {
            throw BindingChecks.nullValue();
        }
        write(key, codec.json(value), "application/json", options);
    }

    private void write(String key, byte[] value, String contentType, PutOptions options) {
        byte[] metadata = codec.metadata(options);
        ClientChecks.expiration(key, options);
        RequestBodies.Body body =
                metadata == null ? RequestBodies.raw(value, contentType) : RequestBodies.multipart(metadata, value);
        send(key, body, options, Transport.Repeat.SAFE);
    }

    private void send(String key, RequestBodies.Body body, PutOptions options, Transport.Repeat repeat) {
        // With both, the TTL wins and the expiration is ignored: sending only the TTL says so.
        String query = options.expirationTtl().isPresent()
                ? "expiration_ttl=" + options.expirationTtl().getAsLong()
                : options.expiration().isPresent()
                        ? "expiration=" + options.expiration().getAsLong()
                        : null;
        transport.sendForEnvelope(
                Transport.Call.envelope("PUT", valuePath(key), query, body, repeat, failure(KvOperation.PUT, key)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code DELETE .../values/{key}}.
     *
     * @since 0.1.0
     */
    @Override
    public void delete(String key) {
        ClientChecks.CHECKS.key(key, KvOperation.DELETE);
        transport.sendForEnvelope(Transport.Call.envelope(
                "DELETE", valuePath(key), null, null, Transport.Repeat.SAFE, failure(KvOperation.DELETE, key)));
    }

    // ---------------------------------------------------------------- list

    /**
     * {@inheritDoc}
     *
     * <p>One {@code GET .../keys} with {@code prefix}, {@code limit} and {@code cursor}. The page is
     * complete when the answer's {@code result_info.cursor} is empty or absent; {@code
     * result_info.cursors.after}, which some servers send instead, is read too. Each key's metadata
     * is kept as the JSON text the server sent and parsed by the binding's codec when read.
     *
     * @since 0.1.0
     */
    @Override
    public KvListPage list(ListOptions options) {
        BindingChecks.notNull(options, "options");
        int limit = options.limit().orElse(0);
        String prefix = options.prefix().orElse("");
        ClientChecks.CHECKS.list(limit, prefix);
        if (WorkerUtf8.hasLoneSurrogate(prefix)) {
            return new KvListPage(List.of(), true, null);
        }
        List<String> query = new ArrayList<>(3);
        if (!prefix.isEmpty()) {
            query.add("prefix=" + PercentEncoding.encode(prefix));
        }
        if (limit > 0) {
            query.add("limit=" + limit);
        }
        options.cursor()
                .filter(cursor -> !cursor.isEmpty())
                .ifPresent(cursor -> query.add("cursor=" + PercentEncoding.encode(cursor)));
        KvJsonCodec codec = this.codec.codec();
        return transport.sendForEnvelope(
                Transport.Call.read(
                        path + "/keys",
                        query.isEmpty() ? null : String.join("&", query),
                        "application/json",
                        false,
                        failure(KvOperation.GET, null)),
                body -> KeyListBody.read(body, codec));
    }

    // ---------------------------------------------------------------- beyond the binding

    /**
     * Writes many keys, 10,000 per request ({@code PUT .../bulk}), in order. Each item replaces the
     * key's whole record, as a single write does.
     *
     * <p>Not atomic: when one request fails, the requests before it stay written and the exception
     * is thrown; writing the same items again is safe.
     *
     * @param items the items; an empty collection sends nothing
     * @return how many keys were written, and which the service reported as not written
     * @throws IllegalArgumentException if the metadata of an item cannot be serialised
     * @throws KvException if the service refuses a request, as {@code KV PUT failed: ...}
     * @since 0.1.0
     */
    public KvBulkResult putBulk(Collection<KvBulkPut> items) {
        return bulk.put(items);
    }

    /**
     * Deletes many keys, 10,000 per request ({@code POST .../bulk/delete}), in order. Missing keys
     * count as deleted.
     *
     * <p>Not atomic: when one request fails, the requests before it stay done and the exception is
     * thrown; deleting the same keys again is safe.
     *
     * @param keys the key names, each checked as {@link #delete(String)} checks it; an empty
     *     collection sends nothing
     * @return how many keys were deleted, and which the service reported as not deleted
     * @throws KvException if the service refuses a request, as {@code KV DELETE failed: ...}
     * @since 0.1.0
     */
    public KvBulkResult deleteBulk(Collection<String> keys) {
        return bulk.delete(keys);
    }

    // ---------------------------------------------------------------- plumbing

    private String valuePath(String key) {
        return path + "/values/" + PercentEncoding.encode(key);
    }

    /** A call with a JSON body, answered with an envelope; every such call of a binding is idempotent. */
    static Transport.Call jsonCall(String method, String route, byte[] body, KvOperation operation, String key) {
        return Transport.Call.envelope(
                method, route, null, RequestBodies.json(body), Transport.Repeat.SAFE, failure(operation, key));
    }

    static byte[] writeJsonBytes(JsonNode body) {
        try {
            return Transport.WIRE.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** The service's refusal as the fake raises it; {@code key} is null for calls about no one key. */
    static Transport.Failure failure(KvOperation operation, String key) {
        return (method, path, status, code, message) -> new KvException(operation, status, message, key);
    }

    /**
     * Names the account, the namespace, the base URL and the kind of credential; never the
     * credential.
     *
     * @return a description of this binding
     * @since 0.1.0
     */
    @Override
    public String toString() {
        return "CloudflareKvBinding[baseUrl=" + transport.base() + ", accountId=" + accountId + ", namespaceId="
                + namespaceId + ", auth=" + transport.credentials() + "]";
    }

    /**
     * Builds a {@link CloudflareKvBinding}: the settings of {@link CloudflareKvAccount.Builder} and
     * the namespace. Not thread-safe; what it builds is.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private final CloudflareKvAccount.Builder account = new CloudflareKvAccount.Builder();
        private String namespaceId;

        private Builder() {}

        /**
         * Authenticates with an API token; see {@link CloudflareKvAccount.Builder#apiToken(String)}.
         *
         * @param apiToken the token
         * @return this builder
         * @since 0.1.0
         */
        public Builder apiToken(String apiToken) {
            account.apiToken(apiToken);
            return this;
        }

        /**
         * Authenticates with a global API key and email; see {@link
         * CloudflareKvAccount.Builder#apiKey(String, String)}.
         *
         * @param apiKey the global API key
         * @param email the email of the Cloudflare user the key belongs to
         * @return this builder
         * @since 0.1.0
         */
        public Builder apiKey(String apiKey, String email) {
            account.apiKey(apiKey, email);
            return this;
        }

        /**
         * Sets the account; see {@link CloudflareKvAccount.Builder#accountId(String)}.
         *
         * @param accountId the account id
         * @return this builder
         * @since 0.1.0
         */
        public Builder accountId(String accountId) {
            account.accountId(accountId);
            return this;
        }

        /**
         * Sets the namespace, the 32-hex id {@code wrangler kv namespace list} shows.
         *
         * @param namespaceId the namespace id
         * @return this builder
         * @since 0.1.0
         */
        public Builder namespaceId(String namespaceId) {
            this.namespaceId = Objects.requireNonNull(namespaceId, "namespaceId");
            return this;
        }

        /**
         * Sets where the API lives; see {@link CloudflareKvAccount.Builder#baseUrl(URI)}.
         *
         * @param baseUrl the URL up to and including {@code /client/v4}
         * @return this builder
         * @since 0.1.0
         */
        public Builder baseUrl(URI baseUrl) {
            account.baseUrl(baseUrl);
            return this;
        }

        /**
         * Sends requests through this client; see {@link
         * CloudflareKvAccount.Builder#httpClient(HttpClient)}.
         *
         * @param httpClient the client
         * @return this builder
         * @since 0.1.0
         */
        public Builder httpClient(HttpClient httpClient) {
            account.httpClient(httpClient);
            return this;
        }

        /**
         * Sets the executor of the client the builder makes; see {@link
         * CloudflareKvAccount.Builder#executor(Executor)}.
         *
         * @param executor the executor
         * @return this builder
         * @since 0.1.0
         */
        public Builder executor(Executor executor) {
            account.executor(executor);
            return this;
        }

        /**
         * Sets the time one attempt may wait for its response; see {@link
         * CloudflareKvAccount.Builder#timeout(Duration)}.
         *
         * @param timeout a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder timeout(Duration timeout) {
            account.timeout(timeout);
            return this;
        }

        /**
         * Sets the connect timeout of the client the builder makes; see {@link
         * CloudflareKvAccount.Builder#connectTimeout(Duration)}.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder connectTimeout(Duration connectTimeout) {
            account.connectTimeout(connectTimeout);
            return this;
        }

        /**
         * Sets when requests are sent again; see {@link CloudflareKvAccount.Builder#retries(RetryPolicy)}.
         *
         * @param retries the policy
         * @return this builder
         * @since 0.1.0
         */
        public Builder retries(RetryPolicy retries) {
            account.retries(retries);
            return this;
        }

        /**
         * Sets the mapper of JSON values and metadata; see {@link
         * CloudflareKvAccount.Builder#objectMapper(ObjectMapper)}.
         *
         * @param objectMapper the mapper
         * @return this builder
         * @since 0.1.0
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            account.objectMapper(objectMapper);
            return this;
        }

        /**
         * Sets the codec of JSON values and metadata, for example {@code
         * KvJsonCodec.jackson3(jsonMapper)}; see {@link CloudflareKvAccount.Builder#jsonCodec(KvJsonCodec)}.
         *
         * @param jsonCodec the codec
         * @return this builder
         * @throws IllegalArgumentException when {@code jsonCodec} is null
         * @since 0.1.0
         */
        public Builder jsonCodec(KvJsonCodec jsonCodec) {
            account.jsonCodec(jsonCodec);
            return this;
        }

        /**
         * Sets the {@code User-Agent} header; see {@link CloudflareKvAccount.Builder#userAgent(String)}.
         *
         * @param userAgent the header's value
         * @return this builder
         * @since 0.1.0
         */
        public Builder userAgent(String userAgent) {
            account.userAgent(userAgent);
            return this;
        }

        /**
         * Builds the binding.
         *
         * @return the binding
         * @throws IllegalStateException if the account id, the namespace id or a credential is
         *     missing, or settings conflict as {@link CloudflareKvAccount.Builder#build()} says
         * @since 0.1.0
         */
        public CloudflareKvBinding build() {
            if (namespaceId == null || namespaceId.isBlank()) {
                throw new IllegalStateException("namespaceId is required");
            }
            return account.build().binding(namespaceId);
        }
    }
}
