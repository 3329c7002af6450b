package dev.kvkit.fake;

import dev.kvkit.internal.WorkerUtf8;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as Workers sees it: lone surrogates count and encode as U+FFFD, three bytes, and ill-formed
 * bytes decode as the WHATWG Encoding Standard says.
 */
final class Utf8 {

    private Utf8() {}

    /** Encodes {@code text} as UTF-8, a lone surrogate becoming U+FFFD as a Worker's encoder does. */
    static byte[] encode(String text) {
        return WorkerUtf8.encode(text);
    }

    /** Returns {@code text} with each lone surrogate replaced by U+FFFD; see {@link WorkerUtf8#toWellFormed}. */
    static String toWellFormed(String text) {
        return WorkerUtf8.toWellFormed(text);
    }

    /** Decodes UTF-8 as a Worker does; see {@link WorkerUtf8#decode}. */
    static String decode(byte[] bytes) {
        return WorkerUtf8.decode(bytes);
    }

    /** The Encoding Standard's UTF-8 decoder; see {@link WorkerUtf8#decodeReplacingMaximalSubparts}. */
    static String decodeReplacingMaximalSubparts(byte[] bytes) {
        return WorkerUtf8.decodeReplacingMaximalSubparts(bytes);
    }

    /** Returns whether {@code bytes} are well-formed UTF-8, so that text round-trips them. */
    static boolean isWellFormed(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
