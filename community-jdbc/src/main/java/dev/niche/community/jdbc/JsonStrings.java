package dev.niche.community.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a list of strings as a JSON array, the form a community's tags and rules take in their
 * row: one column read with the row instead of a second query, and still plain JSON for anyone who
 * inspects the table. Only what {@link #encode} writes needs to be read back, but any JSON array of
 * strings is accepted.
 */
final class JsonStrings {
    private JsonStrings() {}

    static String encode(List<String> values) {
        StringBuilder json = new StringBuilder(2 + values.size() * 16).append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            appendQuoted(json, values.get(i));
        }
        return json.append(']').toString();
    }

    /** @throws IllegalStateException if {@code json} is not a JSON array of strings */
    static List<String> decode(String json) {
        Reader reader = new Reader(json);
        List<String> values = new ArrayList<>();
        reader.skipSpace();
        reader.expect('[');
        reader.skipSpace();
        if (reader.peek() == ']') {
            reader.next();
        } else {
            while (true) {
                values.add(reader.string());
                reader.skipSpace();
                char c = reader.next();
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw reader.malformed();
                }
                reader.skipSpace();
            }
        }
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw reader.malformed();
        }
        return List.copyOf(values);
    }

    private static void appendQuoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\t' -> json.append("\\t");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        boolean atEnd() {
            return at >= json.length();
        }

        char peek() {
            if (atEnd()) {
                throw malformed();
            }
            return json.charAt(at);
        }

        char next() {
            char c = peek();
            at++;
            return c;
        }

        void expect(char expected) {
            if (next() != expected) {
                throw malformed();
            }
        }

        void skipSpace() {
            while (!atEnd() && " \t\r\n".indexOf(json.charAt(at)) >= 0) {
                at++;
            }
        }

        String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> value.append(hexChar());
                    default -> throw malformed();
                }
            }
        }

        private char hexChar() {
            if (at + 4 > json.length()) {
                throw malformed();
            }
            int code = 0;
            for (int end = at + 4; at < end; at++) {
                int digit = Character.digit(json.charAt(at), 16);
                if (digit < 0) {
                    throw malformed();
                }
                code = code * 16 + digit;
            }
            return (char) code;
        }

        IllegalStateException malformed() {
            // The text may be a user's rule: say where, not what.
            return new IllegalStateException("a stored list is not a JSON array of strings (at character " + at + ")");
        }
    }
}
