package dev.kvkit.server;

import dev.kvkit.PutOptions;
import java.util.Optional;

/**
 * The {@code expiration} and {@code expiration_ttl} query parameters of a value write. The fake
 * applies the rules (minimums, TTL wins over expiration); this only turns text into numbers, and
 * refuses text that is no integer with the message the service gives for a bad number.
 *
 * <p>An empty parameter ({@code ?expiration_ttl=}) counts as absent [U]: lenient, and what a
 * client that always appends the parameter would need.
 */
final class ExpirationParameters {

    private ExpirationParameters() {}

    static PutOptions options(QueryParameters query) {
        PutOptions options = PutOptions.defaults();
        Optional<String> ttl = query.nonEmpty("expiration_ttl");
        if (ttl.isPresent()) {
            // The TTL wins and expiration is ignored entirely, even when it is not a number.
            return options.withExpirationTtl(number(
                    ttl.get(), "Invalid expiration_ttl of " + ttl.get() + ". Please specify integer greater than 0."));
        }
        Optional<String> expiration = query.nonEmpty("expiration");
        if (expiration.isPresent()) {
            return options.withExpiration(
                    number(
                            expiration.get(),
                            "Invalid expiration of " + expiration.get()
                                    + ". Please specify integer greater than the current number of seconds since the UNIX epoch."));
        }
        return options;
    }

    private static long number(String text, String refusal) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(refusal);
        }
    }
}
