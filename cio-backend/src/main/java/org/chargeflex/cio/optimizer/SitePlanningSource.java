package org.chargeflex.cio.optimizer;

/** Where the planners find a site's objective and series (implemented by package site, over PostgreSQL). */
public interface SitePlanningSource {
    /** No site has anything set: every site plans {@link SitePlanning#DEFAULT}. */
    SitePlanningSource NONE = gridConnectionPoint -> SitePlanning.DEFAULT;

    /**
     * The site's planning data, {@link SitePlanning#DEFAULT} if nothing is set or {@code gridConnectionPoint} is
     * {@code null}.
     */
    SitePlanning planning(String gridConnectionPoint);
}
