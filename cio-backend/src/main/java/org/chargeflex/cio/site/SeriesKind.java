package org.chargeflex.cio.site;

/** The series a site has, with the range a value may have. */
enum SeriesKind {
    BASE_LOAD(0, 1e9), RENEWABLE(0, 1e9), PRICE(-100, 100);

    final double min;
    final double max;

    SeriesKind(double min, double max) {
        this.min = min;
        this.max = max;
    }
}
