package org.chargeflex.cio.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.system.RegistryChanges;
import org.chargeflex.cio.user.UserRepository;
import org.mockito.Answers;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For {@code @WebMvcTest} slices: the real security configuration (rules, 401/403 problem bodies) with the account
 * repositories (and the registry caches' change listener) mocked; tests authenticate with {@code @WithMockUser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(SecurityConfiguration.class)
@MockitoBean(types = {StationRepository.class, UserRepository.class})
@MockitoBean(types = RegistryChanges.class, answers = Answers.RETURNS_MOCKS) // caches that never hold anything
public @interface CioSecuritySlice {
}
