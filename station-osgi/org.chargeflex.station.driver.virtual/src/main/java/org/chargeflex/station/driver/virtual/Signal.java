package org.chargeflex.station.driver.virtual;

import java.util.Map;
import org.chargeflex.station.api.driver.ArgumentSyntaxException;

/** A computed channel: its value is a function of time. Built from a channel address and its parameters. */
interface Signal {

    double valueAt(long timeMillis);

    static Signal parse(String address, Map<String, String> p) throws ArgumentSyntaxException {
        return switch (address) {
            case "ramp" -> {
                double min = number(p, "min", 0);
                double max = number(p, "max", 100);
                double period = positive(p, "periodMillis", 60_000);
                yield t -> min + (max - min) * ((t % (long) period) / period);
            }
            case "sine" -> {
                double amplitude = number(p, "amplitude", 1);
                double offset = number(p, "offset", 0);
                double period = positive(p, "periodMillis", 60_000);
                yield t -> offset + amplitude * Math.sin(2 * Math.PI * ((t % (long) period) / period));
            }
            default -> throw new ArgumentSyntaxException("virtual driver: unknown signal '" + address + "'");
        };
    }

    private static double number(Map<String, String> p, String key, double def) throws ArgumentSyntaxException {
        String v = p.get(key);
        if (v == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ArgumentSyntaxException("virtual driver: parameter '" + key + "' must be a number, got '" + v + "'");
        }
    }

    private static double positive(Map<String, String> p, String key, double def) throws ArgumentSyntaxException {
        double d = number(p, key, def);
        if (d < 1) {
            throw new ArgumentSyntaxException("virtual driver: parameter '" + key + "' must be >= 1, got " + d);
        }
        return d;
    }
}
