/**
 * One contract for every {@link dev.kvkit.KvBinding}: {@link dev.kvkit.junit.contract.KvBindingContract},
 * the behaviour of Workers KV written once as JUnit tests, and {@link
 * dev.kvkit.junit.contract.KvContractTarget}, what a run points it at.
 *
 * @since 0.1.0
 */
package dev.kvkit.junit.contract;
