package org.chargeflex.cio.security;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.RegistryChanges;
import org.chargeflex.cio.user.Role;
import org.chargeflex.cio.user.UserRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication on every endpoint, HTTP Basic, no sessions (each request carries its credential).
 *
 * <ul>
 * <li>The station API {@code /api/v1/stations/{stationId}/**} accepts only station credentials (station id + secret)
 *     and only for the station's own id.</li>
 * <li>Everything else ({@code /api/v1/admin/**}, the OpenAPI document) accepts only operator accounts:
 *     OPERATOR may do everything; FLEET_OPERATOR, DNO and READ_ONLY may read; DNO may also set grid limits and
 *     curtail ({@code /api/v1/admin/grid/**}, OPERATOR and DNO only); users and station channels are for OPERATOR
 *     only. A site's planning ({@code .../grid-connection-points/{id}/planning}) may be PUT by OPERATOR,
 *     FLEET_OPERATOR and DNO; which fields each may set is checked by package site.</li>
 * <li>The dashboard page {@code /dashboard/**} (static) is for operator accounts with a reading role, like its data.</li>
 * </ul>
 * Operator passwords are stored as DelegatingPasswordEncoder hashes (BCrypt); successful checks are remembered by
 * {@link VerifiedCredentialCache}. Station accounts are kept in memory between requests ({@link StationCredentialCache},
 * emptied on every change of table {@code stations} on any instance). Station secrets (256-bit random) are stored as salted HMAC-SHA-256
 * ({@link org.chargeflex.cio.system.StationSecrets}); older BCrypt hashes of them are re-hashed on first use.
 * 401 and 403 are problem bodies ({@link ProblemSecurityHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    static final String STATION_API = "/api/v1/stations/**";
    private static final int VERIFIED_CACHE_SIZE = 50_000;
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedCredentialCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(), VERIFIED_CACHE_SIZE);
    }

    @Bean
    DaoAuthenticationProvider stationAuthenticationProvider(StationRepository stations, RegistryChanges changes) {
        StationCredentialCache cache = new StationCredentialCache(changes);
        StationAccounts accounts = new StationAccounts(stations, cache);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(new StationSecretEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder()));
        provider.setUserDetailsPasswordService(accounts);
        provider.setUserCache(cache);
        provider.setForcePrincipalAsString(true); // the cached account is never handed out, so never erased
        return provider;
    }

    @Bean
    DaoAuthenticationProvider operatorAuthenticationProvider(UserRepository users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new OperatorAccounts(users));
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain stationApi(HttpSecurity http, DaoAuthenticationProvider stationAuthenticationProvider,
            ProblemSecurityHandlers problems) throws Exception {
        http.securityMatcher(STATION_API)
                .authenticationManager(new ProviderManager(stationAuthenticationProvider))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/stations/{stationId}/**").access(ownStation())
                        .anyRequest().denyAll());
        return common(http, problems);
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorApi(HttpSecurity http, DaoAuthenticationProvider operatorAuthenticationProvider,
            ProblemSecurityHandlers problems) throws Exception {
        String[] readers = {Role.OPERATOR.name(), Role.FLEET_OPERATOR.name(), Role.DNO.name(), Role.READ_ONLY.name()};
        http.authenticationManager(new ProviderManager(operatorAuthenticationProvider))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/api/v1/admin/users/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers("/api/v1/admin/stations/*/channels/**").hasRole(Role.OPERATOR.name())
                        // a site's objective and series: which role may set which field is checked per field
                        // (package site: OPERATOR all, FLEET_OPERATOR objective/forecast/prices, DNO base load)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/grid-connection-points/*/planning")
                        .hasAnyRole(Role.OPERATOR.name(), Role.FLEET_OPERATOR.name(), Role.DNO.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/admin/grid-connection-points/*")
                        .hasAnyRole(Role.OPERATOR.name(), Role.DNO.name())
                        // DNO curtailments and their command log (package grid): OPERATOR and DNO only, also to read
                        .requestMatchers("/api/v1/admin/grid/**").hasAnyRole(Role.OPERATOR.name(), Role.DNO.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/**").hasAnyRole(readers)
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.OPERATOR.name())
                        // the operator dashboard's page and assets (its data is under /api/v1/admin/dashboard)
                        .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/**").hasAnyRole(readers)
                        .anyRequest().authenticated());
        return common(http, problems);
    }

    private static SecurityFilterChain common(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
                .httpBasic(b -> b.realmName(ProblemSecurityHandlers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                // the dashboard loads only its own scripts, styles and data
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                // No cookies or sessions: every request carries its credential, so there is nothing for CSRF to ride on.
                .csrf(c -> c.disable())
                .build();
    }

    /** Grants the station API to a station for its own id (the {@code {stationId}} path segment) only. */
    static AuthorizationManager<RequestAuthorizationContext> ownStation() {
        return (authentication, context) -> new AuthorizationDecision(isStation(authentication.get(), context.getVariables()));
    }

    private static boolean isStation(Authentication auth, Map<String, String> variables) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
                && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + StationAccounts.ROLE).equals(a.getAuthority()))
                && auth.getName().equals(variables.get("stationId"));
    }
}
