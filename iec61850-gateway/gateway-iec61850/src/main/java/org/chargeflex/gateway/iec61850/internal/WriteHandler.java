package org.chargeflex.gateway.iec61850.internal;

import com.beanit.openiec61850.BasicDataAttribute;
import com.beanit.openiec61850.BdaFloat32;
import com.beanit.openiec61850.Fc;
import com.beanit.openiec61850.ServerEventListener;
import com.beanit.openiec61850.ServerSap;
import com.beanit.openiec61850.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.chargeflex.gateway.core.CurtailmentRejectedException;
import org.chargeflex.gateway.core.CurtailmentTarget;
import org.chargeflex.gateway.core.GatewayCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's write callback. It runs under the model lock, so nothing here blocks: {@link GatewayCore#curtail}
 * only validates and queues. Only {@code DESE1.ChaPwrLim.setMag.f} [SP] of a station's or grid connection point's
 * logical device is writable (a value equal to the rating, ChaPwrRtg = ChaPwrLim.maxVal, lifts the curtailment); the
 * library itself refuses writes to ST/MX data with object-access-denied.
 * <ul>
 * <li>out of 0..ChaPwrLim.maxVal (the station's or grid connection point's rating) or not finite: {@link ServiceError#PARAMETER_VALUE_INCONSISTENT}
 * = MMS DataAccessError object-value-invalid (11)</li>
 * <li>any other attribute (SP, CF, DC): {@link ServiceError#ACCESS_VIOLATION} = object-access-denied (3)</li>
 * </ul>
 * A request is all or nothing: if one attribute is refused, none is applied and every attribute gets an error (the
 * library cannot answer success for some and failure for others: a null entry breaks its response encoding).
 */
public final class WriteHandler implements ServerEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(WriteHandler.class);
    private static final String LIMIT = "/DESE1.ChaPwrLim.setMag.f";

    private final GatewayCore core;
    private final String iedName;
    private final LdNames names;
    private final Supplier<String> peers;

    private record Limit(CurtailmentTarget target, double value) {
    }

    public WriteHandler(GatewayCore core, String iedName, LdNames names, Supplier<String> peers) {
        this.core = core;
        this.iedName = iedName;
        this.names = names;
        this.peers = peers;
    }

    @Override
    public List<ServiceError> write(List<BasicDataAttribute> bdas) {
        String origin = "IEC 61850 MMS write from " + peers.get();
        List<ServiceError> errors = new ArrayList<>(bdas.size());
        List<Limit> limits = new ArrayList<>();
        boolean failed = false;
        for (BasicDataAttribute bda : bdas) {
            try {
                limits.add(check(bda));
                errors.add(null);
            } catch (ServiceError e) {
                LOG.warn("Refused write of {} [{}] = {}: {} ({})", bda.getReference(), bda.getFc(),
                        bda.getValueString(), e.getMessage(), origin);
                errors.add(e);
                failed = true;
            }
        }
        if (failed) {
            errors.replaceAll(e -> e != null ? e
                    : new ServiceError(ServiceError.PARAMETER_VALUE_INCONSISTENT, "another value of the request was refused"));
            return errors;
        }
        for (Limit l : limits) {
            try {
                boolean curtailed = core.curtail(l.target(), l.value(), origin).isPresent();
                LOG.info("{} of {} to {} W accepted ({})", curtailed ? "Curtailment" : "Lift (limit at the rating)",
                        l.target(), l.value(), origin);
            } catch (CurtailmentRejectedException e) {
                // validated just before; only a registry change in between gets here
                LOG.warn("Curtailment of {} refused after validation: {}", l.target(), e.getMessage());
            }
        }
        return null;
    }

    private Limit check(BasicDataAttribute bda) throws ServiceError {
        String ref = bda.getReference().toString();
        if (bda.getFc() != Fc.SP || !ref.endsWith(LIMIT) || !(bda instanceof BdaFloat32 f)) {
            throw new ServiceError(ServiceError.ACCESS_VIOLATION, ref + " is read-only");
        }
        String ld = ref.substring(0, ref.indexOf('/'));
        CurtailmentTarget target = ld.startsWith(iedName) ? names.target(ld.substring(iedName.length())) : null;
        if (target == null) {
            throw new ServiceError(ServiceError.INSTANCE_NOT_AVAILABLE, "no station or grid connection point for "
                    + ld);
        }
        try {
            double value = core.limitOf(target, f.getFloat() == null ? Float.NaN : f.getFloat());
            core.validate(target, value);
            return new Limit(target, value);
        } catch (CurtailmentRejectedException e) {
            throw e.reason() == CurtailmentRejectedException.Reason.OUT_OF_RANGE
                    ? new ServiceError(ServiceError.PARAMETER_VALUE_INCONSISTENT, e.getMessage())
                    : new ServiceError(ServiceError.INSTANCE_NOT_AVAILABLE, e.getMessage());
        }
    }

    @Override
    public void serverStoppedListening(ServerSap sap) {
        LOG.info("IEC 61850 server stopped listening");
    }
}
