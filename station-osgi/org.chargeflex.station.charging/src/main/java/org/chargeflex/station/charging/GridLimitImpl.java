package org.chargeflex.station.charging;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.TypeConversionException;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.charging.grid.GridLimitStore;
import org.chargeflex.station.charging.grid.GridShares;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's grid limit (PID {@code org.chargeflex.station.charging.grid}, configuration optional): held in
 * memory for the outlets ({@link GridShares}) and on disk ({@link GridLimitStore}) for a restart. A limit that cannot
 * be stored is still applied (a curtailment is a safety matter) and the failure is logged.
 */
@Designate(ocd = GridConfig.class)
@Component(name = GridLimitImpl.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = GridLimit.class)
public class GridLimitImpl implements GridLimit {
    static final String PID = "org.chargeflex.station.charging.grid";
    private static final Logger LOG = LoggerFactory.getLogger(GridLimitImpl.class);

    private final GridShares shares = new GridShares();
    private GridLimitStore store;
    private double maxLimitW;

    @Activate
    void activate(BundleContext context, GridConfig config) {
        activate(resolve(config.stateDirectory(), context.getProperty(ChargingOutletImpl.HOME_PROPERTY)),
                config.maxLimitW());
    }

    void activate(Path directory, double maxLimitW) {
        this.maxLimitW = maxLimitW > 0 ? maxLimitW : 10_000_000;
        this.store = new GridLimitStore(directory);
        try {
            double stored = store.load();
            shares.setLimit(stored);
            if (stored >= 0) {
                LOG.info("Station grid limit {} W restored from {}", stored, store.file());
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The stored station grid limit {} is unreadable; running without a grid limit until the CIO "
                    + "sets one", store.file(), e);
        }
    }

    @Override
    public double limitW() {
        return shares.limitW();
    }

    @Override
    public Flag set(Value value) {
        double w;
        try {
            boolean numeric = value != null && value.type() != ValueType.BOOLEAN
                    && value.type() != ValueType.BYTE_ARRAY;
            w = numeric ? value.asDouble() : Double.NaN;
        } catch (TypeConversionException e) {
            LOG.warn("Station grid limit refused: '{}' is not a number", value);
            return Flag.INVALID_VALUE;
        }
        if (!Double.isFinite(w) || w > maxLimitW) {
            LOG.warn("Station grid limit refused: {} W is not a finite number up to {} W", w, maxLimitW);
            return Flag.INVALID_VALUE;
        }
        double next = w < 0 ? -1 : w;
        shares.setLimit(next);
        try {
            store.save(next);
        } catch (IOException e) {
            LOG.error("Station grid limit {} W is in force but could not be stored in {}; a restart would lose it",
                    next, store.file(), e);
        }
        if (next < 0) {
            LOG.info("Station grid limit lifted");
        } else {
            LOG.info("Station grid limit set to {} W", next);
        }
        return Flag.VALID;
    }

    @Override
    public double share(String outletId, double wantedW, double minimumW) {
        return shares.share(outletId, wantedW, minimumW);
    }

    @Override
    public void release(String outletId) {
        shares.release(outletId);
    }

    private static Path resolve(String path, String home) {
        Path p = Paths.get(path == null || path.isBlank() ? "data/charging" : path.trim());
        return p.isAbsolute() || home == null ? p.toAbsolutePath() : Paths.get(home).resolve(p).toAbsolutePath();
    }
}
