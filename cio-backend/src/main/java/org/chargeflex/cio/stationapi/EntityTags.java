package org.chargeflex.cio.stationapi;

/** {@code If-None-Match} against a strong ETag, with the weak comparison RFC 9110 asks for on GET. */
final class EntityTags {
    private EntityTags() {
    }

    /** Whether the {@code If-None-Match} header value ({@code null}: none) names {@code etag} or is {@code *}. */
    static boolean anyMatches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
