package org.chargeflex.station.driver.m3b;

import org.chargeflex.m3b.protocol.Ack;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.GetStatus;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.OutletStatus;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.protocol.SendCan;
import org.chargeflex.m3b.protocol.SetContactor;
import org.chargeflex.m3b.protocol.SetLock;
import org.chargeflex.m3b.protocol.SetPwm;
import org.chargeflex.m3b.protocol.StatusResponse;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.driver.ConnectionException;
import org.chargeflex.station.driver.m3b.LinkCounters.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes with the driver's own safety checks, which hold even if the board's interlock failed: the contactor closes
 * only in CP state C or D, with a PWM that advertises a current and no fault (checked on a fresh status); the plug is
 * not unlocked under load; a current limit or duty above the device's hardware maximum is refused. A refused write
 * sends nothing to the board.
 */
final class ChannelWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelWriter.class);
    private final BoardLink link;
    private final BoardMirror mirror;
    private final LinkCounters counters;
    private final double maxCurrent;

    ChannelWriter(BoardLink link, BoardMirror mirror, LinkCounters counters, double maxCurrent) {
        this.link = link;
        this.mirror = mirror;
        this.counters = counters;
        this.maxCurrent = maxCurrent;
    }

    Flag write(ChannelRef ref, Value value) throws ConnectionException {
        int outlet = ref.outlet();
        try {
            return switch (ref.kind()) {
                case PWM_DUTY -> setPwm(outlet, PwmDuty.ofPercent(value.asDouble()));
                case CURRENT_LIMIT -> {
                    double amps = value.asDouble();
                    yield amps > maxCurrent ? refuse("current limit " + amps + " A above the hardware maximum "
                            + maxCurrent + " A", Flag.INVALID_VALUE) : setPwm(outlet, PwmDuty.forCurrentLimit(amps));
                }
                case CONTACTOR -> value.asBoolean() ? close(outlet) : send(new SetContactor(outlet, false));
                case PLUG_LOCK -> value.asBoolean() ? send(new SetLock(outlet, true)) : unlock(outlet);
                case CAN_TX -> send(new SendCan(outlet, CanFrame.fromBytes(value.asByteArray())));
                default -> Flag.ACCESS_DENIED;
            };
        } catch (TypeConversionException | IllegalArgumentException e) {
            LOG.info("m3b {}: refused {} = {}: {}", link.describe(), ref.kind().address(), value, e.getMessage());
            return Flag.INVALID_VALUE;
        } catch (RequestTimeoutException e) {
            return Flag.TIMEOUT;
        }
    }

    private Flag setPwm(int outlet, PwmDuty duty) throws ConnectionException, RequestTimeoutException {
        if (duty.currentLimit() > maxCurrent) {
            return refuse("PWM " + duty + " advertises " + duty.currentLimit() + " A, above the hardware maximum "
                    + maxCurrent + " A", Flag.INVALID_VALUE);
        }
        return send(new SetPwm(outlet, duty));
    }

    private Flag close(int outlet) throws ConnectionException, RequestTimeoutException {
        OutletStatus s = fresh(outlet);
        if (s == null) {
            return Flag.DRIVER_ERROR;
        }
        if (!s.cpState().allowsEnergyTransfer()) {
            return refuse("contactor stays open in CP state " + s.cpState(), Flag.DEVICE_REJECTED_VALUE);
        }
        if (!s.pwm().allowsCharging()) {
            return refuse("contactor stays open: PWM " + s.pwm() + " advertises no current",
                    Flag.DEVICE_REJECTED_VALUE);
        }
        if (s.faultMask() != 0) {
            return refuse("contactor stays open: faults " + s.faults(), Flag.DEVICE_REJECTED_VALUE);
        }
        Flag f = send(new SetContactor(outlet, true));
        if (f == Flag.VALID) {
            mirror.contactorCommanded(outlet, true);
        }
        return f;
    }

    private Flag unlock(int outlet) throws ConnectionException, RequestTimeoutException {
        OutletStatus s = fresh(outlet);
        if (s == null) {
            return Flag.DRIVER_ERROR;
        }
        if (s.contactorClosed()) {
            return refuse("plug stays locked while the contactor is closed", Flag.DEVICE_REJECTED_VALUE);
        }
        return send(new SetLock(outlet, false));
    }

    private OutletStatus fresh(int outlet) throws ConnectionException, RequestTimeoutException {
        Message answer = link.request(new GetStatus(outlet));
        if (answer instanceof StatusResponse r) {
            mirror.update(r.status());
            return r.status();
        }
        LOG.warn("m3b {}: status of outlet {} refused: {}", link.describe(), outlet, answer);
        return null;
    }

    private Flag refuse(String why, Flag flag) {
        counters.increment(Counter.SAFETY_REFUSALS);
        LOG.warn("m3b {}: safety: {}; nothing sent", link.describe(), why);
        return flag;
    }

    private Flag send(Message command) throws ConnectionException, RequestTimeoutException {
        Message answer = link.request(command);
        if (!(answer instanceof Ack ack)) {
            return Flag.DRIVER_ERROR;
        }
        return switch (ack.status()) {
            case OK -> Flag.VALID;
            case BAD_ARGUMENT -> Flag.INVALID_VALUE;
            case UNSAFE -> Flag.DEVICE_REJECTED_VALUE;
            case BAD_OUTLET -> Flag.INVALID_CHANNEL_ADDRESS;
            case UNKNOWN_TYPE, NO_SESSION, UNSUPPORTED_VERSION -> Flag.DRIVER_ERROR;
        };
    }

    /** Opens the contactor after a CP state change or fault; runs on a link worker, never on the reader. */
    void openForSafety(int outlet, String reason) {
        boolean wasClosed = mirror.contactorKnownClosed(outlet); // sent regardless: the mirror may be stale
        try {
            Flag f = send(new SetContactor(outlet, false));
            if (f == Flag.VALID) {
                mirror.contactorCommanded(outlet, false);
                if (wasClosed) {
                    counters.increment(Counter.SAFETY_OPENS);
                    LOG.warn("m3b {}: safety: opened the contactor of outlet {} ({})", link.describe(), outlet,
                            reason);
                }
            } else {
                LOG.error("m3b {}: safety: board answered {} to opening the contactor of outlet {}",
                        link.describe(), f, outlet);
            }
        } catch (RequestTimeoutException | ConnectionException e) {
            LOG.error("m3b {}: safety: could not open the contactor of outlet {} ({}); the board's heartbeat"
                    + " timeout is the last line of defence", link.describe(), outlet, e.getMessage());
        }
    }
}
