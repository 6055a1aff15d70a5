package org.chargeflex.gateway.iec61850.internal;

import com.beanit.openiec61850.BdaQuality;
import org.chargeflex.gateway.core.Quality;

/** Gateway quality onto IEC 61850 quality: GOOD; OLD_DATA = questionable + oldData; INVALID = invalid. */
final class Qualities {
    private Qualities() {
    }

    static void set(BdaQuality q, Quality quality) {
        switch (quality) {
            case GOOD -> {
                q.setValidity(BdaQuality.Validity.GOOD);
                q.setOldData(false);
            }
            case OLD_DATA -> {
                q.setValidity(BdaQuality.Validity.QUESTIONABLE);
                q.setOldData(true);
            }
            case INVALID -> {
                q.setValidity(BdaQuality.Validity.INVALID);
                q.setOldData(false);
            }
            default -> throw new IllegalArgumentException("unknown quality " + quality);
        }
    }
}
