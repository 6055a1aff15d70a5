package org.chargeflex.station.rest.problem;

import org.chargeflex.station.api.Flag;

/**
 * The problems the REST API answers with, and how channel flags map onto HTTP status codes.
 *
 * <table>
 * <caption>flag to status</caption>
 * <tr><th>flag</th><th>write</th><th>fresh read</th></tr>
 * <tr><td>ACCESS_DENIED</td><td>405 + Allow: GET</td><td>502</td></tr>
 * <tr><td>DEVICE_REJECTED_VALUE</td><td>409</td><td>502</td></tr>
 * <tr><td>INVALID_VALUE, CANNOT_WRITE_NULL_VALUE</td><td>400</td><td>502</td></tr>
 * <tr><td>CHANNEL_DELETED</td><td>404</td><td>404</td></tr>
 * <tr><td>TIMEOUT</td><td>504</td><td>504</td></tr>
 * <tr><td>any other</td><td>502</td><td>502</td></tr>
 * </table>
 */
public final class Problems {
    private Problems() {
    }

    public static ProblemException unknownChannel(String path) {
        return new ProblemException(Problem.of(404, "unknown-channel", "Unknown channel")
                .detail("no channel or channel directory '" + path + "'").with("label", path));
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title).detail(detail));
    }

    public static ProblemException noDataAccess() {
        return new ProblemException(Problem.of(503, "channels-unavailable", "Channels unavailable")
                .detail("the data manager is not running; try again shortly")).header("Retry-After", "5");
    }

    public static ProblemException readOnly(String label) {
        return new ProblemException(Problem.of(405, "read-only-channel", "Channel is read-only")
                .detail("channel '" + label + "' cannot be written").flag(Flag.ACCESS_DENIED)
                .with("label", label).with("accepted", false)).header("Allow", "GET");
    }

    /** The answer to a write the channel did not accept ({@code flag} is not VALID). */
    public static ProblemException writeRefused(String label, Flag flag) {
        if (flag == Flag.ACCESS_DENIED) {
            return readOnly(label);
        }
        int status = writeStatus(flag);
        return new ProblemException(Problem.of(status, slug(status), "Write not accepted")
                .detail("writing channel '" + label + "' failed: " + flag.description()).flag(flag)
                .with("label", label).with("accepted", false));
    }

    /** The answer to a fresh read that came back flagged ({@code flag} is not VALID). */
    public static ProblemException readFailed(String label, Flag flag) {
        int status = readStatus(flag);
        return new ProblemException(Problem.of(status, slug(status), "Read failed")
                .detail("reading channel '" + label + "' failed: " + flag.description()).flag(flag)
                .with("label", label));
    }

    /** HTTP status for a write refused with {@code flag}. */
    public static int writeStatus(Flag flag) {
        return switch (flag) {
            case ACCESS_DENIED -> 405;
            case DEVICE_REJECTED_VALUE -> 409;
            case INVALID_VALUE, CANNOT_WRITE_NULL_VALUE -> 400;
            case CHANNEL_DELETED -> 404;
            case TIMEOUT -> 504;
            default -> 502;
        };
    }

    /** HTTP status for a fresh read flagged {@code flag}. */
    public static int readStatus(Flag flag) {
        return switch (flag) {
            case CHANNEL_DELETED -> 404;
            case TIMEOUT -> 504;
            default -> 502;
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-value";
            case 404 -> "channel-deleted";
            case 405 -> "read-only-channel";
            case 409 -> "value-rejected";
            case 504 -> "driver-timeout";
            default -> "driver-failure";
        };
    }
}
