package org.chargeflex.cio.grid;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param minimumSessionPowerW the power guaranteed to each ongoing session under a curtailment, W (0 = none; 4200
 *                             models the German rule for controllable consumers): a curtailment's effective limit is
 *                             never below the number of ongoing sessions under it times this
 * @param emergencyTimeout     how long an emergency command waits for the stations to accept their grid limit
 */
@ConfigurationProperties("chargeflex.grid")
record GridProperties(@DefaultValue("0") double minimumSessionPowerW, @DefaultValue("2s") Duration emergencyTimeout) {

    GridProperties {
        if (!(minimumSessionPowerW >= 0) || Double.isInfinite(minimumSessionPowerW)) {
            throw new IllegalArgumentException("chargeflex.grid.minimum-session-power-w must be a finite number >= 0, not "
                    + minimumSessionPowerW);
        }
        if (emergencyTimeout.isNegative() || emergencyTimeout.isZero()) {
            throw new IllegalArgumentException("chargeflex.grid.emergency-timeout must be positive, not " + emergencyTimeout);
        }
    }
}
