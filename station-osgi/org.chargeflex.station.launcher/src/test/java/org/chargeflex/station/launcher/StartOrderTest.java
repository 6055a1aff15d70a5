package org.chargeflex.station.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class StartOrderTest {

    @Test
    void startsTheNamedBundlesFirstInTheGivenOrderAndTheOthersAsInstalled() {
        List<Bundle> installed = List.of(bundle("a.lib"), bundle("http"), bundle("rest"), bundle("scr"), bundle("z"));
        List<Bundle> order = StationFramework.startOrder(installed, " scr, rest ,not.installed");
        assertThat(order).extracting(Bundle::getSymbolicName).containsExactly("scr", "rest", "a.lib", "http", "z");
    }

    @Test
    void keepsTheInstalledOrderWithoutTheProperty() {
        List<Bundle> installed = List.of(bundle("b"), bundle("a"));
        assertThat(StationFramework.startOrder(installed, null)).containsExactlyElementsOf(installed);
        assertThat(StationFramework.startOrder(installed, "")).containsExactlyElementsOf(installed);
    }

    private static Bundle bundle(String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName", "toString" -> symbolicName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
