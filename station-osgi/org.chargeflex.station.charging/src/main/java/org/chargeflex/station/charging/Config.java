package org.chargeflex.station.charging;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = ChargingOutletImpl.FACTORY_PID, name = "ChargeFlex charging outlet",
        description = "One outlet of the station (one factory configuration each): which channels are its M3B "
                + "control pilot, current limit, contactor, meter and identification, and its limits. See "
                + "docs/charging-app.md.")
@interface Config {

    @AttributeDefinition(name = "Outlet id", description = "The outlet's id at the CIO (e.g. 1); also the device "
            + "address of its status channels in channels.json (driver 'charging').")
    String outletId();

    @AttributeDefinition(name = "CP state channel", description = "Label of the control pilot state (A..F)")
    String cpStateLabel();

    @AttributeDefinition(name = "Current limit channel", description = "Label of the writable current limit, A")
    String currentLimitLabel();

    @AttributeDefinition(name = "Contactor channel", description = "Label of the writable contactor; empty: the "
            + "contactor is not switched by the application", required = false)
    String contactorLabel() default "";

    @AttributeDefinition(name = "Energy channel", description = "Label of the energy register, Wh")
    String energyLabel();

    @AttributeDefinition(name = "Power channel", description = "Label of the active power, W")
    String powerLabel();

    @AttributeDefinition(name = "Voltage L1 channel", description = "Label of the L1 voltage, V. The voltages of "
            + "the phases in use are averaged; none wired or valid: 230 V", required = false)
    String voltageL1Label() default "";

    @AttributeDefinition(name = "Voltage L2 channel", required = false)
    String voltageL2Label() default "";

    @AttributeDefinition(name = "Voltage L3 channel", required = false)
    String voltageL3Label() default "";

    @AttributeDefinition(name = "Current L1 channel", description = "Label of the L1 current, A, sent with the "
            + "meter values (with L2 and L3 where wired)", required = false)
    String currentL1Label() default "";

    @AttributeDefinition(name = "Current L2 channel", required = false)
    String currentL2Label() default "";

    @AttributeDefinition(name = "Current L3 channel", required = false)
    String currentL3Label() default "";

    @AttributeDefinition(name = "RFID channel", description = "Label of the RFID user id (empty string: none)",
            required = false)
    String userIdLabel() default "";

    @AttributeDefinition(name = "Credentials channel", description = "Label of a channel into which an app or "
            + "display writes an account name (identification type ACCOUNT)", required = false)
    String credentialsLabel() default "";

    @AttributeDefinition(name = "EV energy demand channel", description = "Wh; empty: user/site default",
            required = false)
    String evEnergyDemandLabel() default "";

    @AttributeDefinition(name = "EV maximum current channel", description = "A; empty: user/site default",
            required = false)
    String evMaxCurrentLabel() default "";

    @AttributeDefinition(name = "EV phases channel", description = "1..3; empty: user/site default",
            required = false)
    String evPhasesLabel() default "";

    @AttributeDefinition(name = "EV departure channel", description = "epoch seconds or ISO-8601; empty: "
            + "user/site default", required = false)
    String evDepartureLabel() default "";

    @AttributeDefinition(name = "Hardware maximum current (A)", min = "6", max = "80")
    double maxCurrentA() default 32;

    @AttributeDefinition(name = "Fallback current (A)", description = "Applied when no schedule is in force and "
            + "the CIO was not reached within the offline allowance; never above the last CIO limit of the session. "
            + "0 or 6..maximum.", min = "0", max = "80")
    double fallbackCurrentA() default 6;

    @AttributeDefinition(name = "Offline allowance (s)", description = "How long the last schedule is followed "
            + "without contact to the CIO before the fallback applies", min = "1")
    long maxOfflineSeconds() default 900;

    @AttributeDefinition(name = "Default energy demand (Wh)", min = "0")
    double defaultEnergyDemandWh() default 20000;

    @AttributeDefinition(name = "Default EV maximum current (A)", description = "0: the hardware maximum",
            min = "0")
    double defaultMaxCurrentA() default 0;

    @AttributeDefinition(name = "Default EV minimum current (A)", min = "0")
    double defaultMinCurrentA() default 6;

    @AttributeDefinition(name = "Default phases", min = "1", max = "3")
    int defaultPhases() default 3;

    @AttributeDefinition(name = "Default parking time (min)", description = "Planned departure = arrival + this",
            min = "1")
    long defaultDepartureMinutes() default 480;

    @AttributeDefinition(name = "Site management service URL", description = "Sent with every charging request "
            + "unless the user profile has its own; empty: none", required = false)
    String managementServiceUrl() default "";

    @AttributeDefinition(name = "Meter interval (ms)", min = "100")
    long meterIntervalMillis() default 10000;

    @AttributeDefinition(name = "Tick (ms)", description = "How often the control loop runs; limits change at "
            + "most one tick after a period boundary", min = "50")
    long tickMillis() default 500;

    @AttributeDefinition(name = "First CIO retry delay (ms)", min = "1")
    long retryMinMillis() default 1000;

    @AttributeDefinition(name = "Longest CIO retry delay (ms)", min = "1")
    long retryMaxMillis() default 60000;

    @AttributeDefinition(name = "Plausible maximum schedule power (W)", description = "A schedule with a period "
            + "above this is refused as out of range", min = "1")
    double maxSchedulePowerW() default 100000;

    @AttributeDefinition(name = "Session directory", description = "Where the open session is kept for a restart; "
            + "relative to the station home")
    String sessionDirectory() default "data/charging";
}
