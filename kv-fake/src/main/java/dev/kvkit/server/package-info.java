/**
 * The REST emulator: {@link dev.kvkit.server.KvApiServer} serves Cloudflare's Workers KV REST API
 * ({@code /client/v4/accounts/{account_id}/storage/kv/namespaces...}) over the same {@link
 * dev.kvkit.fake.FakeKvNamespace} objects and {@link dev.kvkit.fake.TestClock} a test uses in the
 * JVM; {@link dev.kvkit.server.KvApiServerMain} runs it from the command line.
 *
 * @since 0.1.0
 */
package dev.kvkit.server;
