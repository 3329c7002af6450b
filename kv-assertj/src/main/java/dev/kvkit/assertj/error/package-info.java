/**
 * One error message factory per kind of kvkit assertion failure, in AssertJ's layout: a newline,
 * {@code Expecting actual:}, the value indented, then what was expected.
 *
 * @since 0.1.0
 */
package dev.kvkit.assertj.error;
