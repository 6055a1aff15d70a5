package org.chargeflex.gateway.iec104.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chargeflex.gateway.core.Quality;
import org.openmuc.j60870.ASdu;
import org.openmuc.j60870.ASduType;
import org.openmuc.j60870.CauseOfTransmission;
import org.openmuc.j60870.ie.IeBinaryCounterReading;
import org.openmuc.j60870.ie.IeQuality;
import org.openmuc.j60870.ie.IeShortFloat;
import org.openmuc.j60870.ie.IeSinglePointWithQuality;
import org.openmuc.j60870.ie.IeTime56;
import org.openmuc.j60870.ie.InformationElement;
import org.openmuc.j60870.ie.InformationObject;

/**
 * Builds monitoring ASDUs from points. Quality: OLD_DATA = NT (not topical), INVALID = IV; a counter's IV flag for
 * INVALID. At most 20 objects per ASDU (well inside the 253-byte APDU).
 */
final class Asdus {
    static final int MAX_OBJECTS = 20;

    private Asdus() {
    }

    /** Interrogation answers: M_ME_NC_1 and M_SP_NA_1 (no time tag), grouped by type. */
    static List<ASdu> interrogation(List<Point> points, CauseOfTransmission cot, int ca) {
        List<ASdu> out = new ArrayList<>();
        add(out, ASduType.M_ME_NC_1, cot, ca, points.stream().filter(p -> p.kind() == Point.Kind.MEASURED)
                .map(p -> new InformationObject(p.ioa(), new IeShortFloat((float) p.value()), quality(p))).toList());
        add(out, ASduType.M_SP_NA_1, cot, ca, points.stream().filter(p -> p.kind() == Point.Kind.SINGLE)
                .map(p -> new InformationObject(p.ioa(), single(p))).toList());
        return out;
    }

    /** Counter interrogation answers: M_IT_NA_1. */
    static List<ASdu> counters(List<Point> points, CauseOfTransmission cot, int ca, int sequence) {
        List<ASdu> out = new ArrayList<>();
        add(out, ASduType.M_IT_NA_1, cot, ca, points.stream().filter(p -> p.kind() == Point.Kind.COUNTER)
                .map(p -> new InformationObject(p.ioa(), counter(p, sequence))).toList());
        return out;
    }

    /** Spontaneous changes: M_ME_TF_1 and M_SP_TB_1 with CP56Time2a (the station's measurement time). */
    static List<ASdu> spontaneous(List<Point> changed, int ca) {
        List<ASdu> out = new ArrayList<>();
        add(out, ASduType.M_ME_TF_1, CauseOfTransmission.SPONTANEOUS, ca, changed.stream()
                .filter(p -> p.kind() == Point.Kind.MEASURED)
                .map(p -> new InformationObject(p.ioa(), new IeShortFloat((float) p.value()), quality(p), time(p)))
                .toList());
        add(out, ASduType.M_SP_TB_1, CauseOfTransmission.SPONTANEOUS, ca, changed.stream()
                .filter(p -> p.kind() == Point.Kind.SINGLE)
                .map(p -> new InformationObject(p.ioa(), single(p), time(p))).toList());
        return out;
    }

    private static void add(List<ASdu> out, ASduType type, CauseOfTransmission cot, int ca,
            List<InformationObject> objects) {
        for (int i = 0; i < objects.size(); i += MAX_OBJECTS) {
            List<InformationObject> part = objects.subList(i, Math.min(objects.size(), i + MAX_OBJECTS));
            out.add(new ASdu(type, false, cot, false, false, 0, ca, part.toArray(new InformationObject[0])));
        }
    }

    private static IeQuality quality(Point p) {
        return new IeQuality(false, false, false, p.quality() == Quality.OLD_DATA, p.quality() == Quality.INVALID);
    }

    private static IeSinglePointWithQuality single(Point p) {
        return new IeSinglePointWithQuality(p.value() != 0, false, false, p.quality() == Quality.OLD_DATA,
                p.quality() == Quality.INVALID);
    }

    private static IeBinaryCounterReading counter(Point p, int sequence) {
        long v = (long) p.value();
        boolean carry = v > Integer.MAX_VALUE;
        Set<IeBinaryCounterReading.Flag> flags = java.util.EnumSet.noneOf(IeBinaryCounterReading.Flag.class);
        if (p.quality() == Quality.INVALID) {
            flags.add(IeBinaryCounterReading.Flag.INVALID);
        }
        if (carry) {
            flags.add(IeBinaryCounterReading.Flag.CARRY);
        }
        return new IeBinaryCounterReading((int) (v % (1L << 31)), sequence & 0x1f, flags);
    }

    private static InformationElement time(Point p) {
        long t = p.time().toEpochMilli();
        return new IeTime56(t == 0 ? System.currentTimeMillis() : t);
    }
}
