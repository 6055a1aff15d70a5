package org.chargeflex.station.cioclient;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link Config} for tests: the given values, else each attribute's default. */
final class ConfigValues {
    private ConfigValues() {
    }

    static Config of(Map<String, Object> values) {
        return (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
