package org.chargeflex.gateway.iec104.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chargeflex.gateway.core.CurtailmentRejectedException;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GatewayCore;
import org.chargeflex.gateway.iec104.IoaMap;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.ASduType;
import org.openmuc.j60870.CauseOfTransmission;
import org.openmuc.j60870.ie.IeQualifierOfCounterInterrogation;
import org.openmuc.j60870.ie.IeQualifierOfInterrogation;
import org.openmuc.j60870.ie.IeQualifierOfSetPointCommand;
import org.openmuc.j60870.ie.IeShortFloat;
import org.openmuc.j60870.ie.IeSingleCommand;
import org.openmuc.j60870.ie.InformationObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the control direction of one connection (IEC 60870-5-101/104 negative confirmations):
 * <ul>
 * <li>type not supported: mirror, COT 44 (unknown type), P/N = 1</li>
 * <li>COT not ACT/DEACT for the type: COT 45 (unknown cause), P/N = 1</li>
 * <li>common address not ours (nor broadcast): COT 46 (unknown common address), P/N = 1</li>
 * <li>IOA not a set-point (C_SE_NC_1) or curtailment command (C_SC_NA_1): COT 47 (unknown IOA), P/N = 1</li>
 * <li>C_IC_NA_1 other than station interrogation (QOI 20), C_CI_NA_1 other than general read (RQT 5, FRZ 0), a
 * set-point out of range, a single command ON, an execute without a matching select: ACT_CON with P/N = 1</li>
 * </ul>
 * Every command is logged with its origin (peer address, originator address).
 */
public final class CommandProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);
    private static final int QOI_STATION = 20;
    private static final int RQT_GENERAL = 5;

    private final GatewayCore core;
    private final PointCache points;
    private final int commonAddress;
    private final Duration selectTimeout;
    private final Clock clock;
    private Selection selection;
    private int counterSequence;

    public CommandProcessor(GatewayCore core, PointCache points, int commonAddress, Duration selectTimeout,
            Clock clock) {
        this.core = core;
        this.points = points;
        this.commonAddress = commonAddress;
        this.selectTimeout = selectTimeout;
        this.clock = clock;
    }

    /** The answers to one received ASDU, in order. Called on the connection's serial reader thread. */
    public synchronized List<ASdu> process(ASdu a, String peer) {
        String origin = "IEC 104 from " + peer + " originator " + a.getOriginatorAddress();
        ASduType type = a.getTypeIdentification();
        if (type != ASduType.C_IC_NA_1 && type != ASduType.C_CI_NA_1 && type != ASduType.C_SE_NC_1
                && type != ASduType.C_SC_NA_1) {
            LOG.warn("Refused {} (unknown type) {}", type, origin);
            return List.of(negative(a, CauseOfTransmission.UNKNOWN_TYPE_ID));
        }
        CauseOfTransmission cot = a.getCauseOfTransmission();
        boolean setpoint = type == ASduType.C_SE_NC_1 || type == ASduType.C_SC_NA_1;
        if (cot != CauseOfTransmission.ACTIVATION && !(setpoint && cot == CauseOfTransmission.DEACTIVATION)) {
            LOG.warn("Refused {} with cause {} {}", type, cot, origin);
            return List.of(negative(a, CauseOfTransmission.UNKNOWN_CAUSE_OF_TRANSMISSION));
        }
        int broadcast = 0xFFFF;
        if (a.getCommonAddress() != commonAddress && (setpoint || a.getCommonAddress() != broadcast)) {
            LOG.warn("Refused {} to common address {} {}", type, a.getCommonAddress(), origin);
            return List.of(negative(a, CauseOfTransmission.UNKNOWN_COMMON_ADDRESS_OF_ASDU));
        }
        return switch (type) {
            case C_IC_NA_1 -> interrogation(a, origin);
            case C_CI_NA_1 -> counterInterrogation(a, origin);
            case C_SC_NA_1 -> singleCommand(a, origin);
            default -> setpoint(a, origin);
        };
    }

    private List<ASdu> interrogation(ASdu a, String origin) {
        int qoi = ((IeQualifierOfInterrogation) first(a)[0]).getValue();
        if (qoi != QOI_STATION) {
            LOG.warn("Refused interrogation with QOI {} (only station interrogation 20) {}", qoi, origin);
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, true));
        }
        LOG.info("General interrogation {}", origin);
        List<ASdu> out = new ArrayList<>();
        out.add(confirm(a, CauseOfTransmission.ACTIVATION_CON, false));
        out.addAll(points.interrogation(commonAddress));
        out.add(confirm(a, CauseOfTransmission.ACTIVATION_TERMINATION, false));
        return out;
    }

    private List<ASdu> counterInterrogation(ASdu a, String origin) {
        IeQualifierOfCounterInterrogation q = (IeQualifierOfCounterInterrogation) first(a)[0];
        if (q.getRequest() != RQT_GENERAL || q.getFreeze() != 0) {
            LOG.warn("Refused counter interrogation RQT {} FRZ {} (only general read 5/0) {}", q.getRequest(),
                    q.getFreeze(), origin);
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, true));
        }
        LOG.info("Counter interrogation {}", origin);
        List<ASdu> out = new ArrayList<>();
        out.add(confirm(a, CauseOfTransmission.ACTIVATION_CON, false));
        out.addAll(points.counters(commonAddress, counterSequence++));
        out.add(confirm(a, CauseOfTransmission.ACTIVATION_TERMINATION, false));
        return out;
    }

    private List<ASdu> setpoint(ASdu a, String origin) {
        int ioa = a.getInformationObjects()[0].getInformationObjectAddress();
        float value = ((IeShortFloat) first(a)[0]).getValue();
        boolean select = ((IeQualifierOfSetPointCommand) first(a)[1]).isSelect();
        Optional<CurtailmentTarget> target = points.map().targetOfSetpoint(ioa);
        String what = "set-point IOA " + ioa + " = " + value + " W (" + (select ? "select" : "execute") + ", "
                + a.getCauseOfTransmission() + ") " + origin;
        return operate(a, what, target, ioa, value, select, t -> {
            core.validate(t, core.limitOf(t, value));
            return null;
        }, t -> core.curtail(t, core.limitOf(t, value), origin + " IOA " + ioa).isPresent() ? t + " curtailed"
                : t + " lifted");
    }

    /** C_SC_NA_1 at a target's command address: OFF lifts its curtailment; ON is refused (curtail with a set-point). */
    private List<ASdu> singleCommand(ASdu a, String origin) {
        int ioa = a.getInformationObjects()[0].getInformationObjectAddress();
        IeSingleCommand sco = (IeSingleCommand) first(a)[0];
        Optional<CurtailmentTarget> target = points.map().targetOfCommand(ioa);
        String what = "single command IOA " + ioa + " = " + (sco.isCommandStateOn() ? "ON" : "OFF") + " ("
                + (sco.isSelect() ? "select" : "execute") + ", " + a.getCauseOfTransmission() + ") " + origin;
        return operate(a, what, target, ioa, sco.isCommandStateOn() ? 1 : 0, sco.isSelect(), t -> {
            if (sco.isCommandStateOn()) {
                throw new CurtailmentRejectedException(CurtailmentRejectedException.Reason.OUT_OF_RANGE,
                        "ON is not a command: curtail with the set-point at +" + IoaMap.LIMIT_SETPOINT);
            }
            core.rating(t);
            return null;
        }, t -> {
            core.lift(t, origin + " IOA " + ioa);
            return t + " lifted";
        });
    }

    /** A check or action that may refuse. */
    private interface Step {
        String run(CurtailmentTarget target) throws CurtailmentRejectedException;
    }

    /** Select-before-operate of a command at a target's address: select checks and holds, execute acts. */
    private List<ASdu> operate(ASdu a, String what, Optional<CurtailmentTarget> target, int ioa, float value,
            boolean select, Step check, Step action) {
        if (target.isEmpty()) {
            LOG.warn("Refused {}: unknown IOA", what);
            return List.of(negative(a, CauseOfTransmission.UNKNOWN_INFORMATION_OBJECT_ADDRESS));
        }
        if (a.getCauseOfTransmission() == CauseOfTransmission.DEACTIVATION) {
            selection = null;
            LOG.info("Selection cancelled: {}", what);
            return List.of(confirm(a, CauseOfTransmission.DEACTIVATION_CON, false));
        }
        try {
            check.run(target.get());
        } catch (CurtailmentRejectedException e) {
            LOG.warn("Refused {}: {}", what, e.getMessage());
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, true));
        }
        if (select) {
            selection = new Selection(ioa, value, clock.instant());
            LOG.info("Selected {}", what);
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, false));
        }
        Selection s = selection;
        selection = null;
        if (s == null || s.ioa() != ioa || s.value() != value
                || clock.instant().isAfter(s.at().plus(selectTimeout))) {
            LOG.warn("Refused {}: no matching selection within {}", what, selectTimeout);
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, true));
        }
        String done;
        try {
            done = action.run(target.get());
        } catch (CurtailmentRejectedException e) {
            LOG.warn("Refused {}: {}", what, e.getMessage());
            return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, true));
        }
        LOG.info("Executed {}: {}", what, done);
        return List.of(confirm(a, CauseOfTransmission.ACTIVATION_CON, false),
                confirm(a, CauseOfTransmission.ACTIVATION_TERMINATION, false));
    }

    private static Object[] first(ASdu a) {
        return a.getInformationObjects()[0].getInformationElements()[0];
    }

    private ASdu confirm(ASdu a, CauseOfTransmission cot, boolean negative) {
        int ca = a.getCommonAddress() == 0xFFFF ? commonAddress : a.getCommonAddress();
        return new ASdu(a.getTypeIdentification(), a.isSequenceOfElements(), cot, a.isTestFrame(), negative,
                orZero(a.getOriginatorAddress()), ca, a.getInformationObjects());
    }

    private static ASdu negative(ASdu a, CauseOfTransmission cot) {
        InformationObject[] objects = a.getInformationObjects() == null ? new InformationObject[0]
                : a.getInformationObjects();
        return new ASdu(a.getTypeIdentification(), a.isSequenceOfElements(), cot, a.isTestFrame(), true,
                orZero(a.getOriginatorAddress()), a.getCommonAddress(), objects);
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
