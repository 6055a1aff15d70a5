package org.chargeflex.optimizer.solver;

/**
 * One session's schedule: power per slot of the problem, and what it delivers.
 *
 * @param sessionId   the session
 * @param powerW      the power per slot, W (0 outside the session's window)
 * @param deliveredWh the energy the schedule delivers, Wh
 * @param shortfallWh the energy demand it cannot deliver, Wh (0 if the demand is met)
 */
public record SessionPlan(String sessionId, double[] powerW, double deliveredWh, double shortfallWh) {

    public SessionPlan {
        powerW = powerW.clone();
    }

    @Override
    public double[] powerW() {
        return powerW.clone();
    }

    public double powerW(int slot) {
        return powerW[slot];
    }

    public int slots() {
        return powerW.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionPlan p && sessionId.equals(p.sessionId) && java.util.Arrays.equals(powerW, p.powerW)
                && deliveredWh == p.deliveredWh && shortfallWh == p.shortfallWh;
    }

    @Override
    public int hashCode() {
        return sessionId.hashCode() * 31 + java.util.Arrays.hashCode(powerW);
    }

    @Override
    public String toString() {
        return "SessionPlan[" + sessionId + ", delivered " + deliveredWh + " Wh, shortfall " + shortfallWh + " Wh]";
    }
}
