/**
 * Workers KV over Cloudflare's v4 REST API: {@link dev.kvkit.cloudflare.CloudflareKvBinding}, a
 * {@link dev.kvkit.KvBinding} for production code and for tests against {@code KvApiServer}, and
 * {@link dev.kvkit.cloudflare.CloudflareKvAccount} for what a Worker's binding cannot do (namespace
 * administration).
 *
 * <p>Built on the JDK's {@link java.net.http.HttpClient} and Jackson, nothing else. Errors read as
 * the fake's do: argument checks are made before any request with the binding's texts, and the
 * service's refusals become {@link dev.kvkit.KvException}s with its messages.
 *
 * @since 0.1.0
 */
package dev.kvkit.cloudflare;
