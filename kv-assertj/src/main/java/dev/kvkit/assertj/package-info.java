/**
 * AssertJ assertions for Workers KV: namespaces (fake or any {@code KvBinding}), their entries,
 * metadata and expiry, list pages and {@code getWithMetadata} results. Start from {@link
 * dev.kvkit.assertj.KvAssertions#assertThat(dev.kvkit.fake.FakeKvNamespace)}; collect failures with
 * {@link dev.kvkit.assertj.SoftKvAssertions}.
 *
 * @since 0.1.0
 */
package dev.kvkit.assertj;
