package dev.kvkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.internal.BindingChecks;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Workers KV namespaces of one Cloudflare account, over the v4 REST API: create, list, get,
 * rename and delete them, and open a {@link CloudflareKvBinding} to any of them. A Worker's binding
 * can do none of this; deployment scripts and test setups need it.
 *
 * <pre>{@code
 * CloudflareKvAccount account = CloudflareKvAccount.builder()
 *         .apiToken(System.getenv("CLOUDFLARE_API_TOKEN"))
 *         .accountId(System.getenv("CLOUDFLARE_ACCOUNT_ID"))
 *         .build();
 * KvNamespaceInfo created = account.createNamespace("settings-staging");
 * CloudflareKvBinding kv = account.binding(created.id());
 * kv.put("greeting", "hello");
 * }</pre>
 *
 * <p>Refusals are {@link CloudflareApiException}s carrying Cloudflare's status, error code and
 * message; requests that get no answer raise {@link KvTransportException}. Creating a namespace is
 * the one request that is not idempotent, so it is retried only on a {@code 429} or when the {@link
 * RetryPolicy} allows it.
 *
 * <p>Immutable and thread-safe; bindings opened from one account share its HTTP client. {@link
 * #toString()} never shows a credential.
 *
 * @since 0.1.0
 */
public final class CloudflareKvAccount {

    /** Cloudflare's API; {@code KvApiServer}'s base ends in {@code /client/v4} too. */
    static final URI DEFAULT_BASE_URL = URI.create("https://api.cloudflare.com/client/v4");

    private static final int PAGE_SIZE = 100;

    private final Transport transport;
    private final String accountId;
    private final KvJsonCodec codec;
    private final String namespacesPath;

    private CloudflareKvAccount(Transport transport, String accountId, KvJsonCodec codec) {
        this.transport = transport;
        this.accountId = accountId;
        this.codec = codec;
        this.namespacesPath = "/accounts/" + PercentEncoding.encode(accountId) + "/storage/kv/namespaces";
    }

    /**
     * Returns a builder; {@link Builder#accountId(String)} and a credential are required.
     *
     * @return a new builder
     * @since 0.1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a binding to one namespace of this account, sharing this account's HTTP client,
     * credentials, timeouts, retries and JSON codec.
     *
     * @param namespaceId the namespace id, as {@link KvNamespaceInfo#id()} gives it
     * @return the binding
     * @since 0.1.0
     */
    public CloudflareKvBinding binding(String namespaceId) {
        Objects.requireNonNull(namespaceId, "namespaceId");
        requireNotBlank(namespaceId, "namespaceId");
        return new CloudflareKvBinding(transport, codec, accountId, namespaceId, namespacesPath);
    }

    /**
     * Creates a namespace.
     *
     * @param title the title, unique in the account, at most 512 characters
     * @return the new namespace
     * @throws CloudflareApiException if the API refuses, for example with code {@code 10014} when
     *     the account has a namespace of that title already
     * @since 0.1.0
     */
    public KvNamespaceInfo createNamespace(String title) {
        Objects.requireNonNull(title, "title");
        ObjectNode body = Transport.WIRE.createObjectNode().put("title", title);
        return info(result(call("POST", "", null, json(body), Transport.Repeat.UNSAFE)));
    }

    /**
     * Lists every namespace of the account, reading page after page until the API answers an
     * empty one (as the official SDK does: a short page is not taken to be the last).
     *
     * @return the namespaces, in the API's order; unmodifiable
     * @since 0.1.0
     */
    public List<KvNamespaceInfo> listNamespaces() {
        List<KvNamespaceInfo> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode result =
                    result(call("GET", "", "page=" + page + "&per_page=" + PAGE_SIZE, null, Transport.Repeat.SAFE));
            if (!result.isArray() || result.isEmpty()) {
                return Collections.unmodifiableList(all);
            }
            result.forEach(namespace -> all.add(info(namespace)));
        }
    }

    /**
     * Returns one namespace.
     *
     * @param namespaceId the namespace id
     * @return the namespace
     * @throws CloudflareApiException if there is none (404, code {@code 10013}) or the id is
     *     malformed (400, code {@code 10011})
     * @since 0.1.0
     */
    public KvNamespaceInfo getNamespace(String namespaceId) {
        return info(result(call("GET", idPath(namespaceId), null, null, Transport.Repeat.SAFE)));
    }

    /**
     * Gives a namespace a new title.
     *
     * @param namespaceId the namespace id
     * @param title the new title
     * @return the renamed namespace
     * @throws CloudflareApiException if there is no such namespace, or the title is taken
     * @since 0.1.0
     */
    public KvNamespaceInfo renameNamespace(String namespaceId, String title) {
        String path = idPath(namespaceId);
        Objects.requireNonNull(title, "title");
        ObjectNode body = Transport.WIRE.createObjectNode().put("title", title);
        JsonNode result = result(call("PUT", path, null, json(body), Transport.Repeat.SAFE));
        // The 2024 schema answered null here; the current one answers the namespace.
        return result.isObject() ? info(result) : getNamespace(namespaceId);
    }

    /**
     * Deletes a namespace and every key in it.
     *
     * @param namespaceId the namespace id
     * @throws CloudflareApiException if there is no such namespace
     * @since 0.1.0
     */
    public void deleteNamespace(String namespaceId) {
        result(call("DELETE", idPath(namespaceId), null, null, Transport.Repeat.SAFE));
    }

    @Override
    public String toString() {
        return "CloudflareKvAccount[baseUrl=" + transport.base() + ", accountId=" + accountId + ", auth="
                + transport.credentials() + "]";
    }

    private String idPath(String namespaceId) {
        Objects.requireNonNull(namespaceId, "namespaceId");
        requireNotBlank(namespaceId, "namespaceId");
        return "/" + PercentEncoding.encode(namespaceId);
    }

    private Transport.Call call(
            String method, String path, String query, RequestBodies.Body body, Transport.Repeat repeat) {
        return Transport.Call.envelope(method, namespacesPath + path, query, body, repeat, CloudflareApiException::new);
    }

    private JsonNode result(Transport.Call call) {
        return transport.sendForEnvelope(call).path("result");
    }

    private static RequestBodies.Body json(JsonNode body) {
        return RequestBodies.json(CloudflareKvBinding.writeJsonBytes(body));
    }

    private static KvNamespaceInfo info(JsonNode namespace) {
        return new KvNamespaceInfo(
                namespace.path("id").asText(),
                namespace.path("title").asText(),
                namespace.path("supports_url_encoding").asBoolean(false));
    }

    static void requireNotBlank(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Builds a {@link CloudflareKvAccount}. Not thread-safe; what it builds is.
     *
     * <p>Required: {@link #accountId(String)} and one credential, {@link #apiToken(String)} or
     * {@link #apiKey(String, String)}. Everything else has a default.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private String apiToken;
        private String apiKey;
        private String email;
        private String accountId;
        private URI baseUrl = DEFAULT_BASE_URL;
        private HttpClient httpClient;
        private Executor executor;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration connectTimeout;
        private RetryPolicy retries = RetryPolicy.defaults();
        private KvJsonCodec jsonCodec;
        private String userAgent;

        Builder() {}

        /**
         * Authenticates with an API token, sent as {@code Authorization: Bearer <token>}. The token
         * needs the "Workers KV Storage" permission.
         *
         * @param apiToken the token
         * @return this builder
         * @since 0.1.0
         */
        public Builder apiToken(String apiToken) {
            this.apiToken = Objects.requireNonNull(apiToken, "apiToken");
            return this;
        }

        /**
         * Authenticates with a global API key and its account's email, sent as {@code X-Auth-Key}
         * and {@code X-Auth-Email}. Prefer {@link #apiToken(String)}, which can be scoped.
         *
         * @param apiKey the global API key
         * @param email the email of the Cloudflare user the key belongs to
         * @return this builder
         * @since 0.1.0
         */
        public Builder apiKey(String apiKey, String email) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            this.email = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * Sets the account, a 32-hex id shown in the Cloudflare dashboard.
         *
         * @param accountId the account id
         * @return this builder
         * @since 0.1.0
         */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId, "accountId");
            return this;
        }

        /**
         * Sets where the API lives; by default {@code https://api.cloudflare.com/client/v4}. Point
         * it at {@code KvApiServer} in tests, whose base also ends in {@code /client/v4}.
         *
         * @param baseUrl an absolute {@code http} or {@code https} URL, up to and including {@code
         *     /client/v4}
         * @return this builder
         * @since 0.1.0
         */
        public Builder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL, but was: " + baseUrl);
            }
            if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("baseUrl must have no query or fragment, but was: " + baseUrl);
            }
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sends requests through this client instead of one the builder makes. Its own settings
         * (connect timeout, executor, proxy, TLS) then apply, so {@link #connectTimeout(Duration)} and
         * {@link #executor(Executor)} cannot be combined with it.
         *
         * @param httpClient the client; it must not follow redirects, or credentials may travel to
         *     another host
         * @return this builder
         * @since 0.1.0
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * Sets the executor of the client the builder makes, for its asynchronous work.
         *
         * @param executor the executor
         * @return this builder
         * @since 0.1.0
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Sets how long one attempt may wait for the response's status and headers; by default 30
         * seconds. A streamed value's body may take longer. Retries get the same time each.
         *
         * @param timeout a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder timeout(Duration timeout) {
            this.timeout = RetryPolicy.positive(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long the client the builder makes may take to connect; by default 10 seconds.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         * @since 0.1.0
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = RetryPolicy.positive(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets when requests are sent again; by default {@link RetryPolicy#defaults()}. Tests
         * usually want {@link RetryPolicy#none()}.
         *
         * @param retries the policy
         * @return this builder
         * @since 0.1.0
         */
        public Builder retries(RetryPolicy retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /**
         * Sets the mapper that writes {@code putJson} values and metadata and reads JSON values and
         * metadata; by default the mapper every kvkit binding uses, the fake included: Jackson's
         * defaults with every module on the class path registered and dates written as ISO-8601 text,
         * as a Worker's {@code JSON.stringify} writes them. The mapper must not be reconfigured once
         * handed over. The same as {@link #jsonCodec jsonCodec(KvJsonCodec.jackson2(objectMapper))};
         * the later of the two calls wins.
         *
         * @param objectMapper the mapper
         * @return this builder
         * @since 0.1.0
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.jsonCodec = KvJsonCodec.jackson2(Objects.requireNonNull(objectMapper, "objectMapper"));
            return this;
        }

        /**
         * Sets the codec that writes {@code putJson} values and metadata and reads JSON values and
         * typed metadata, for example over the application's Jackson 3 {@code JsonMapper}:
         *
         * <pre>{@code
         * CloudflareKvAccount.builder().jsonCodec(KvJsonCodec.jackson3(jsonMapper))
         * }</pre>
         *
         * <p>By default {@link KvJsonCodec#defaults()}. Replaces an {@link #objectMapper} given before;
         * the later of the two calls wins.
         *
         * @param jsonCodec the codec
         * @return this builder
         * @throws IllegalArgumentException when {@code jsonCodec} is null
         * @since 0.1.0
         */
        public Builder jsonCodec(KvJsonCodec jsonCodec) {
            this.jsonCodec = BindingChecks.jsonCodec(jsonCodec);
            return this;
        }

        /**
         * Sets the {@code User-Agent} header; by default {@code kvkit (Java <version>)}. Cloudflare
         * support asks for it when tracing requests.
         *
         * @param userAgent the header's value
         * @return this builder
         * @since 0.1.0
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * Builds the account.
         *
         * @return the account
         * @throws IllegalStateException if the account id or a credential is missing, both credentials
         *     are given, or a client of one's own is combined with a connect timeout or executor
         * @since 0.1.0
         */
        public CloudflareKvAccount build() {
            return new CloudflareKvAccount(transport(), checkedAccountId(), codec());
        }

        String checkedAccountId() {
            if (accountId == null || accountId.isBlank()) {
                throw new IllegalStateException("accountId is required");
            }
            return accountId;
        }

        KvJsonCodec codec() {
            return jsonCodec != null ? jsonCodec : KvJsonCodec.defaults();
        }

        Transport transport() {
            Transport.Credentials credentials;
            if (apiToken != null && apiKey != null) {
                throw new IllegalStateException("Give apiToken or apiKey with email, not both");
            } else if (apiToken != null) {
                credentials = Transport.Credentials.token(apiToken);
            } else if (apiKey != null) {
                credentials = Transport.Credentials.key(apiKey, email);
            } else {
                throw new IllegalStateException("A credential is required: apiToken, or apiKey with email");
            }
            HttpClient client = httpClient;
            if (client == null) {
                HttpClient.Builder builder = HttpClient.newBuilder()
                        .connectTimeout(connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout)
                        .followRedirects(HttpClient.Redirect.NEVER);
                if (executor != null) {
                    builder.executor(executor);
                }
                client = builder.build();
            } else if (connectTimeout != null || executor != null) {
                throw new IllegalStateException("connectTimeout and executor configure the HttpClient the builder"
                        + " makes; set them on your own HttpClient instead");
            }
            String agent = userAgent != null
                    ? userAgent
                    : "kvkit (Java " + Runtime.version().feature() + ")";
            return new Transport(client, baseUrl, credentials, agent, timeout, retries);
        }
    }
}
