package org.chargeflex.m3b.protocol.internal;

import org.chargeflex.m3b.protocol.Ack;
import org.chargeflex.m3b.protocol.AckStatus;
import org.chargeflex.m3b.protocol.BootEvent;
import org.chargeflex.m3b.protocol.BootReason;
import org.chargeflex.m3b.protocol.CanFrame;
import org.chargeflex.m3b.protocol.CanReceived;
import org.chargeflex.m3b.protocol.CpState;
import org.chargeflex.m3b.protocol.CpStateChanged;
import org.chargeflex.m3b.protocol.FaultEvent;
import org.chargeflex.m3b.protocol.GetMeter;
import org.chargeflex.m3b.protocol.GetStatus;
import org.chargeflex.m3b.protocol.Heartbeat;
import org.chargeflex.m3b.protocol.HeartbeatAck;
import org.chargeflex.m3b.protocol.Hello;
import org.chargeflex.m3b.protocol.HelloAck;
import org.chargeflex.m3b.protocol.IdPresented;
import org.chargeflex.m3b.protocol.MalformedMessageException;
import org.chargeflex.m3b.protocol.Message;
import org.chargeflex.m3b.protocol.MessageType;
import org.chargeflex.m3b.protocol.MeterEvent;
import org.chargeflex.m3b.protocol.MeterResponse;
import org.chargeflex.m3b.protocol.PwmDuty;
import org.chargeflex.m3b.protocol.SendCan;
import org.chargeflex.m3b.protocol.SetContactor;
import org.chargeflex.m3b.protocol.SetLock;
import org.chargeflex.m3b.protocol.SetPwm;
import org.chargeflex.m3b.protocol.StatusChanged;
import org.chargeflex.m3b.protocol.StatusResponse;

/** Payload layouts of every message type (documented in docs/m3b-protocol.md). */
public final class MessageCodec {
    private MessageCodec() {
    }

    public static byte[] encodePayload(Message m) {
        PayloadWriter w = new PayloadWriter();
        if (m instanceof Hello h) {
            w.u8(h.versionMajor()).u8(h.versionMinor()).u16(h.heartbeatTimeoutMillis()).u16(h.meterIntervalMillis());
        } else if (m instanceof HelloAck a) {
            w.u8(a.versionMajor()).u8(a.versionMinor()).u8(a.outletCount()).u32(a.bootId())
                    .u16(a.heartbeatTimeoutMillis()).string(a.firmware());
        } else if (m instanceof HeartbeatAck a) {
            w.u32(a.bootId()).u32(a.uptimeMillis());
        } else if (m instanceof GetStatus g) {
            w.u8(g.outlet());
        } else if (m instanceof GetMeter g) {
            w.u8(g.outlet());
        } else if (m instanceof SetPwm s) {
            w.u8(s.outlet()).u16(s.duty().permille());
        } else if (m instanceof SetContactor s) {
            w.u8(s.outlet()).bool(s.closed());
        } else if (m instanceof SetLock s) {
            w.u8(s.outlet()).bool(s.locked());
        } else if (m instanceof SendCan s) {
            w.u8(s.outlet());
            writeCan(w, s.frame());
        } else if (m instanceof CanReceived c) {
            w.u8(c.outlet());
            writeCan(w, c.frame());
        } else if (m instanceof Ack a) {
            w.u8(a.requestType()).u8(a.status().code());
        } else if (m instanceof StatusResponse s) {
            StatusLayout.write(w, s.status());
        } else if (m instanceof StatusChanged s) {
            StatusLayout.write(w, s.status());
        } else if (m instanceof MeterResponse r) {
            MeterLayout.write(w, r.sample());
        } else if (m instanceof MeterEvent e) {
            MeterLayout.write(w, e.sample());
        } else if (m instanceof CpStateChanged c) {
            w.u8(c.outlet()).u8(c.previous().code()).u8(c.state().code()).u16(c.pwm().permille());
        } else if (m instanceof FaultEvent f) {
            w.u8(f.outlet()).u16(f.faultMask());
        } else if (m instanceof IdPresented i) {
            w.u8(i.outlet()).string(i.userId());
        } else if (m instanceof BootEvent b) {
            w.u32(b.bootId()).u8(b.reason().code());
        } else if (!(m instanceof Heartbeat)) {
            throw new IllegalArgumentException("not a protocol message: " + m.getClass().getName());
        }
        return w.toByteArray();
    }

    public static Message decode(int typeCode, byte[] payload) throws MalformedMessageException {
        MessageType type = MessageType.ofCode(typeCode);
        if (type == null) {
            throw new MalformedMessageException("unknown message type 0x" + Integer.toHexString(typeCode));
        }
        PayloadReader r = new PayloadReader(payload);
        try {
            Message m = decode(type, r);
            r.end(type.name());
            return m;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(type + ": " + e.getMessage(), e);
        }
    }

    private static Message decode(MessageType type, PayloadReader r) throws MalformedMessageException {
        return switch (type) {
            case HELLO -> new Hello(r.u8("major"), r.u8("minor"), r.u16("heartbeat timeout"), r.u16("meter interval"));
            case HEARTBEAT -> new Heartbeat();
            case GET_STATUS -> new GetStatus(r.u8("outlet"));
            case GET_METER -> new GetMeter(r.u8("outlet"));
            case SET_PWM -> new SetPwm(r.u8("outlet"), PwmDuty.ofPermille(r.u16("duty")));
            case SET_CONTACTOR -> new SetContactor(r.u8("outlet"), r.bool("closed"));
            case SET_LOCK -> new SetLock(r.u8("outlet"), r.bool("locked"));
            case SEND_CAN -> new SendCan(r.u8("outlet"), readCan(r));
            case ACK -> new Ack(r.u8("request type"), AckStatus.ofCode(r.u8("status")));
            case HELLO_ACK -> new HelloAck(r.u8("major"), r.u8("minor"), r.u8("outlets"), r.u32("boot id"),
                    r.u16("heartbeat timeout"), r.string("firmware"));
            case HEARTBEAT_ACK -> new HeartbeatAck(r.u32("boot id"), r.u32("uptime"));
            case STATUS -> new StatusResponse(StatusLayout.read(r));
            case METER -> new MeterResponse(MeterLayout.read(r));
            case CP_STATE_CHANGED -> new CpStateChanged(r.u8("outlet"), CpState.ofCode(r.u8("previous")),
                    CpState.ofCode(r.u8("state")), PwmDuty.ofPermille(r.u16("duty")));
            case METER_SAMPLE -> new MeterEvent(MeterLayout.read(r));
            case FAULT -> new FaultEvent(r.u8("outlet"), r.u16("fault mask"));
            case CAN_RECEIVED -> new CanReceived(r.u8("outlet"), readCan(r));
            case ID_PRESENTED -> new IdPresented(r.u8("outlet"), r.string("user id"));
            case STATUS_CHANGED -> new StatusChanged(StatusLayout.read(r));
            case BOOT -> new BootEvent(r.u32("boot id"), BootReason.ofCode(r.u8("reason")));
        };
    }

    private static void writeCan(PayloadWriter w, CanFrame f) {
        byte[] b = f.toBytes();
        w.u32(((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
        w.bytes(f.data());
    }

    private static CanFrame readCan(PayloadReader r) throws MalformedMessageException {
        long raw = r.u32("CAN id");
        byte[] data = r.bytes("CAN data");
        byte[] b = new byte[4 + data.length];
        b[0] = (byte) (raw >>> 24);
        b[1] = (byte) (raw >>> 16);
        b[2] = (byte) (raw >>> 8);
        b[3] = (byte) raw;
        System.arraycopy(data, 0, b, 4, data.length);
        return CanFrame.fromBytes(b);
    }
}
