package org.chargeflex.station.datamanager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chargeflex.station.api.driver.DriverService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver services present, by {@code getInfo().id()}. When two services claim the same id, the first one is used
 * and the other waits as a stand-in. Listeners hear about every id whose driver appeared, went or changed.
 */
public final class DriverRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DriverRegistry.class);

    /** Told that the driver for an id may have changed; it asks {@link #get} for the current one. */
    @FunctionalInterface
    public interface Listener {
        void driverChanged(String driverId);
    }

    private final Map<String, List<DriverService>> byId = new HashMap<>();
    private final Map<DriverService, String> idOf = new IdentityHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void add(DriverService driver) {
        String id;
        try {
            id = driver.getInfo().id();
        } catch (RuntimeException e) {
            LOG.error("Ignoring driver service {}: its getInfo() failed", driver, e);
            return;
        }
        synchronized (this) {
            if (idOf.containsKey(driver)) {
                return;
            }
            idOf.put(driver, id);
            List<DriverService> list = byId.computeIfAbsent(id, k -> new ArrayList<>());
            list.add(driver);
            if (list.size() > 1) {
                LOG.warn("Two driver services claim the id '{}'; using {} and keeping {} as a stand-in", id,
                        list.get(0), driver);
            }
        }
        LOG.info("Driver '{}' registered", id);
        fire(id);
    }

    public void remove(DriverService driver) {
        String id;
        synchronized (this) {
            id = idOf.remove(driver);
            if (id == null) {
                return;
            }
            List<DriverService> list = byId.get(id);
            list.remove(driver);
            if (list.isEmpty()) {
                byId.remove(id);
            }
        }
        LOG.info("Driver '{}' unregistered", id);
        fire(id);
    }

    /** The driver for the id, or null when none is registered. */
    public synchronized DriverService get(String driverId) {
        List<DriverService> list = byId.get(driverId);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(String id) {
        for (Listener l : listeners) {
            try {
                l.driverChanged(id);
            } catch (RuntimeException e) {
                LOG.error("Handling the change of driver '{}' failed", id, e);
            }
        }
    }
}
