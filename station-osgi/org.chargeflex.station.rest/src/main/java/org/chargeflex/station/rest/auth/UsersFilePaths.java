package org.chargeflex.station.rest.auth;

import java.nio.file.Path;

/**
 * Where the users file is: a relative path is taken from the station's home folder ({@code chargeflex.home}, a
 * framework or system property), else from the working folder.
 */
public final class UsersFilePaths {
    public static final String HOME_PROPERTY = "chargeflex.home";
    public static final String DEFAULT = "conf/users.json";

    private UsersFilePaths() {
    }

    /** Resolves against system property {@code chargeflex.home}, else the working folder. */
    public static Path resolve(String configured) {
        return resolve(configured, System.getProperty(HOME_PROPERTY));
    }

    /** Resolves against {@code home}, or the working folder when it is null or blank. */
    public static Path resolve(String configured, String home) {
        String name = configured == null || configured.isBlank() ? DEFAULT : configured.trim();
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p.normalize();
        }
        Path base = home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home).toAbsolutePath();
        return base.resolve(p).normalize();
    }
}
