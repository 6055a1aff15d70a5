package org.chargeflex.cio.station;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notes when a station was last seen: every authenticated request on the station API counts (at most one write per
 * 10 s). This instance remembers when it last wrote for a station and skips the statement within that interval;
 * the write's own condition keeps several instances from writing more often.
 */
@Component
class StationActivityInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    static final String STATION_API = "/api/v1/stations/**";

    /** Forget the remembered times beyond this many stations (they are only an optimisation). */
    private static final int REMEMBERED = 100_000;

    private final StationRepository stations;
    private final Clock clock;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    StationActivityInterceptor(StationRepository stations, Clock clock) {
        this.stations = stations;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(STATION_API);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated()
                && auth.getAuthorities().stream().anyMatch(a -> "ROLE_STATION".equals(a.getAuthority()))) {
            Instant now = clock.instant();
            Instant last = lastWritten.get(auth.getName());
            if (last == null || !now.isBefore(last.plus(StationRepository.TOUCH_INTERVAL)) || now.isBefore(last)) {
                if (lastWritten.size() >= REMEMBERED) {
                    lastWritten.clear();
                }
                lastWritten.put(auth.getName(), now);
                stations.touch(auth.getName(), now);
            }
        }
        return true;
    }
}
