package org.chargeflex.m3b.simulator;

import java.util.List;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.MeterSample;
import org.chargeflex.m3b.protocol.OutletStatus;

/**
 * A consistent snapshot of one simulated outlet, for tests and the demo.
 *
 * @param status what the board would report for the outlet
 * @param meter the latest meter sample
 * @param energyWh the exact (unrounded) energy counter
 * @param evSoc the plugged-in EV's state of charge (0..1), or -1 without an EV
 * @param canFromHost the CAN frames the host sent to this outlet's vehicle, oldest first
 */
public record OutletView(OutletStatus status, MeterSample meter, double energyWh, double evSoc,
        List<CanFrame> canFromHost) {
}
