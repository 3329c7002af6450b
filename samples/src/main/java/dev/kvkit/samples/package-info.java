/**
 * A small application that keeps its state in Workers KV, written the way a service using kvkit
 * would be: every class takes a {@link dev.kvkit.KvBinding} (production hands it a binding to
 * Cloudflare, tests hand it a {@code FakeKvNamespace}) and, where time matters, a {@link
 * java.time.Clock}.
 *
 * <ul>
 *   <li>{@link dev.kvkit.samples.TodoStore}: to-dos under {@code to-do:<id>}, their state in
 *       metadata;
 *   <li>{@link dev.kvkit.samples.CompletedTodoCleanup}: a job that pages through {@code to-do:}
 *       with {@link dev.kvkit.samples.PrefixListing} and deletes what was done long ago;
 *   <li>{@link dev.kvkit.samples.SessionStore}: sessions with a sliding expiration;
 *   <li>{@link dev.kvkit.samples.FeatureFlags}: every flag in one JSON document;
 *   <li>{@link dev.kvkit.samples.RateLimiter}: requests per client and window, reset by a TTL;
 *   <li>{@link dev.kvkit.samples.NaiveCounter} and {@link dev.kvkit.samples.CounterCoordinator}: a
 *       counter that loses updates across locations, and the single-writer fix.
 * </ul>
 *
 * @since 0.1.0
 */
package dev.kvkit.samples;
