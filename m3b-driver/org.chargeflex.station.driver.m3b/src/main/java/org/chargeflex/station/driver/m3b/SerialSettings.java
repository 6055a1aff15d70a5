package org.chargeflex.station.driver.m3b;

/** Line settings of a serial port: each one its own typed device setting. */
record SerialSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits) {
    static final SerialSettings DEFAULTS = new SerialSettings(115_200, 8, Parity.NONE, StopBits.ONE);

    /** Parity values of the {@code parity} setting. */
    enum Parity {
        NONE, ODD, EVEN, MARK, SPACE
    }

    /** Values of the {@code stopBits} setting: "1", "1.5", "2". */
    enum StopBits {
        ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

        private final String text;

        StopBits(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        static StopBits parse(String s) {
            for (StopBits b : values()) {
                if (b.text.equals(s.trim())) {
                    return b;
                }
            }
            throw new IllegalArgumentException("stopBits must be 1, 1.5 or 2, got '" + s + "'");
        }
    }
}
