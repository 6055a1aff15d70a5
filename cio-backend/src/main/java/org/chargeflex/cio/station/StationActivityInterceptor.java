package org.chargeflex.cio.station;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Notes when a station was last seen: every authenticated request on the station API counts (at most one write per 10 s). */
@Component
class StationActivityInterceptor implements HandlerInterceptor, WebMvcConfigurer {
    static final String STATION_API = "/api/v1/stations/**";

    private final StationRepository stations;
    private final Clock clock;

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
            stations.touch(auth.getName(), clock.instant());
        }
        return true;
    }
}
