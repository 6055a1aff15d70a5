package org.chargeflex.station.charging;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = GridLimitImpl.PID, name = "ChargeFlex station grid limit",
        description = "The ceiling on the sum of the outlets' charging power that the CIO sets for the DNO through "
                + "the channel station/grid_limit_w (driver 'charging'). Optional configuration; see "
                + "docs/charging-app.md.")
@interface GridConfig {

    @AttributeDefinition(name = "State directory", description = "Where the limit is kept for a restart "
            + "(grid-limit.properties); relative to the station home. Same default as the outlets' sessions.")
    String stateDirectory() default "data/charging";

    @AttributeDefinition(name = "Plausible maximum (W)", description = "A larger limit is refused as invalid",
            min = "1")
    double maxLimitW() default 10_000_000;
}
