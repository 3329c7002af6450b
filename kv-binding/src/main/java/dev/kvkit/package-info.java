/**
 * The Workers KV binding as Java sees it: {@link dev.kvkit.KvBinding} and its small option and
 * result values.
 *
 * <p>Application code is written against {@code KvBinding}; tests hand it a {@code
 * dev.kvkit.fake.FakeKvNamespace}, production hands it a binding over Cloudflare's REST API.
 * Argument errors the Workers binding raises before any request are {@link
 * java.lang.IllegalArgumentException}s with the binding's text; errors the service answers are
 * {@link dev.kvkit.KvException}s.
 *
 * @since 0.1.0
 */
package dev.kvkit;
