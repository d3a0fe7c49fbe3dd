package dev.niche.community.jdbc;

/**
 * LIKE patterns that match a word literally. Statements use {@code LIKE ? ESCAPE '!'}, and the word
 * has {@code !}, {@code %} and {@code _} prefixed with {@code !}, so that a search for {@code 100%}
 * or {@code snake_case} matches those characters and nothing else. The escape character is {@code !}
 * rather than a backslash because MariaDB also reads backslashes in string literals.
 */
final class LikePattern {
    static final char ESCAPE = '!';

    private LikePattern() {}

    /** The pattern that matches any text containing {@code word}. */
    static String containing(String word) {
        StringBuilder pattern = new StringBuilder(word.length() + 4).append('%');
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
