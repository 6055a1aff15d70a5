package org.chargeflex.station.rest.it;

import java.lang.reflect.Method;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * The API bundle's {@code FakeDataAccessService}, made and driven through that bundle's own class loader (reflection),
 * so that its classes are the ones the REST bundle is wired to; registered as a service by the API bundle.
 */
final class FakeStation {
    private final Bundle api;
    private final Object service;
    private final Class<?> valueType;
    private final Class<?> flag;
    private final Class<?> value;
    private final Class<?> record;
    private ServiceRegistration<?> registration;

    FakeStation(Bundle api) throws ReflectiveOperationException {
        this.api = api;
        this.service = load("org.chargeflex.station.api.test.FakeDataAccessService").getConstructor().newInstance();
        this.valueType = load("org.chargeflex.station.api.ValueType");
        this.flag = load("org.chargeflex.station.api.Flag");
        this.value = load("org.chargeflex.station.api.Value");
        this.record = load("org.chargeflex.station.api.Record");
    }

    void register() {
        registration = api.getBundleContext().registerService("org.chargeflex.station.api.DataAccessService",
                service, null);
    }

    void unregister() {
        registration.unregister();
        registration = null;
    }

    /** Adds a channel; returns the FakeChannel. */
    Object add(String label, String type, boolean writable) throws ReflectiveOperationException {
        return service.getClass().getMethod("add", String.class, valueType, boolean.class)
                .invoke(service, label, enumValue(valueType, type), writable);
    }

    /** Sets a valid record, as a driver would. {@code v} is a Boolean, Long, Double, String or byte[]. */
    void update(Object channel, Object v, long timestamp) throws ReflectiveOperationException {
        Class<?> primitive;
        if (v instanceof Boolean) {
            primitive = boolean.class;
        } else if (v instanceof Long) {
            primitive = long.class;
        } else if (v instanceof Double) {
            primitive = double.class;
        } else if (v instanceof String) {
            primitive = String.class;
        } else if (v instanceof byte[]) {
            primitive = byte[].class;
        } else {
            throw new IllegalArgumentException("unsupported value " + v);
        }
        Object val = value.getMethod("of", primitive).invoke(null, v);
        Object rec = record.getConstructor(value, long.class).newInstance(val, timestamp);
        updateRecord(channel, rec);
    }

    /** Sets a record without a value that carries only this flag. */
    void updateFlag(Object channel, String flagName, long timestamp) throws ReflectiveOperationException {
        Object rec = record.getMethod("of", flag, long.class).invoke(null, enumValue(flag, flagName), timestamp);
        updateRecord(channel, rec);
    }

    /** Makes the channel's next writes end with this flag. */
    void setWriteOutcome(Object channel, String flagName) throws ReflectiveOperationException {
        channel.getClass().getMethod("setWriteOutcome", flag).invoke(channel, enumValue(flag, flagName));
    }

    /** The latest record's value as its {@code Value} record's toString, e.g. {@code DoubleValue[value=16.0]}. */
    String latestValue(Object channel) throws ReflectiveOperationException {
        Object rec = channel.getClass().getMethod("getLatestRecord").invoke(channel);
        Object v = record.getMethod("getValue").invoke(rec);
        return String.valueOf(v);
    }

    private void updateRecord(Object channel, Object rec) throws ReflectiveOperationException {
        Method m = channel.getClass().getMethod("update", record);
        m.invoke(channel, rec);
    }

    private Class<?> load(String name) throws ClassNotFoundException {
        return api.loadClass(name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type.asSubclass(Enum.class), name);
    }
}
