package org.chargeflex.station.charging;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = UserProfileImpl.FACTORY_PID, name = "ChargeFlex charging user profile",
        description = "Defaults for one user (one factory configuration each), used when the EV gives none; "
                + "0 or empty: the outlet's site default.")
@interface UserConfig {

    @AttributeDefinition(name = "Identification type", description = "RFID or ACCOUNT")
    String type() default "RFID";

    @AttributeDefinition(name = "Token", description = "RFID UID (hex) or account name")
    String token();

    @AttributeDefinition(name = "Energy demand (Wh)", min = "0")
    double energyDemandWh() default 0;

    @AttributeDefinition(name = "EV maximum current (A)", min = "0")
    double maxCurrentA() default 0;

    @AttributeDefinition(name = "EV minimum current (A)", min = "0")
    double minCurrentA() default 0;

    @AttributeDefinition(name = "Phases", description = "1..3; 0: site default", min = "0", max = "3")
    int phases() default 0;

    @AttributeDefinition(name = "Parking time (min)", min = "0")
    long departureMinutes() default 0;

    @AttributeDefinition(name = "Management service URL", description = "The user's dedicated energy management "
            + "service (http/https), sent with the charging request", required = false)
    String managementServiceUrl() default "";
}
