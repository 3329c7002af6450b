/**
 * The fake: {@link dev.kvkit.fake.FakeKvNamespace}, an in-memory Workers KV namespace, and {@link
 * dev.kvkit.fake.TestClock}, the clock tests move instead of sleeping.
 *
 * @since 0.1.0
 */
package dev.kvkit.fake;
