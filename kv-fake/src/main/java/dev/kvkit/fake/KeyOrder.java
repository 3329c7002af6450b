package dev.kvkit.fake;

import java.util.Comparator;

/**
 * Orders key names as Workers KV lists them: by their UTF-8 bytes, which is code point order.
 *
 * <p>{@link String#compareTo} compares UTF-16 units and so sorts supplementary characters
 * (surrogate pairs, U+D800..U+DFFF) before U+E000..U+FFFF. Shifting units at and above U+D800 so
 * that surrogates sort last restores code point order without decoding or allocating.
 */
final class KeyOrder implements Comparator<String> {

    static final KeyOrder INSTANCE = new KeyOrder();

    private KeyOrder() {}

    @Override
    public int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return rank(x) - rank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int rank(char c) {
        if (c < '\uD800') {
            return c;
        }
        // U+E000..U+FFFF move down below the surrogates, surrogates move up above them.
        return c >= '\uE000' ? c - 0x800 : c + 0x2000;
    }
}
