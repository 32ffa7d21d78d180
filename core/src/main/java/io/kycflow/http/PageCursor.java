package io.kycflow.http;

import io.kycflow.auth.Secrets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque page cursors ({@code cursor} in, {@code next_cursor} out): where the last page ended, as a few strings, with a
 * checksum that binds them to the query they continue, in URL-safe base64. A cursor that is garbled, edited, cut or
 * taken to another query is refused as invalid_parameter. The checksum is no secret (the code is open): it stops
 * mistakes and casual edits, and a forged cursor could only move a query within data its caller may read anyway.
 */
public final class PageCursor {
    private static final String PARAMETER = "cursor";
    private static final int CHECK_LENGTH = 16;

    private PageCursor() {
    }

    /**
     * @param query    what the cursor continues (the caller, the resource, the filters): it is valid for that only
     * @param position where the page ended; strings without line breaks
     */
    public static String encode(String query, List<String> position) {
        String payload = String.join("\n", position);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((payload + "\n" + check(query, payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position a cursor holds, of {@code parts} strings.
     *
     * @throws ApiException invalid_parameter when the cursor is not one {@link #encode} made for this query
     */
    public static List<String> decode(String cursor, String query, int parts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] fields = text.split("\n", -1);
        if (fields.length != parts + 1) {
            throw invalid();
        }
        List<String> position = Arrays.asList(fields).subList(0, parts);
        if (!check(query, String.join("\n", position)).equals(fields[parts])) {
            throw invalid();
        }
        return position;
    }

    /** The cursor parameter does not hold a position the API gave out for this query. */
    public static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_PARAMETER,
                "The cursor is not one this query returned; start again without it.", PARAMETER);
    }

    private static String check(String query, String payload) {
        return Secrets.hash(query + "\n" + payload).substring(0, CHECK_LENGTH);
    }
}
