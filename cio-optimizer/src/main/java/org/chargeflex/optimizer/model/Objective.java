package org.chargeflex.optimizer.model;

/** What the optimiser minimises once every session's deliverable energy is fixed (see docs/optimizer.md). */
public enum Objective {
    /** The DNO's view: minimise the peak of base load + charging at the root, then flatten (valley filling). */
    PEAK,
    /** The fleet operator's view: charge as much as possible from the renewable forecast, then flatten the rest. */
    RENEWABLE,
    /** Minimise the energy cost under the price curve. */
    TARIFF
}
