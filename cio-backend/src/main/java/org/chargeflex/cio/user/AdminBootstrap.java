package org.chargeflex.cio.user;

import java.util.Set;
import org.chargeflex.cio.system.SecretGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start: when there is no operator account at all, create {@code admin} with role OPERATOR. Its password is
 * {@code cio.bootstrap.admin-password} if configured, otherwise a random one written once to the log (WARN). There
 * is no built-in default password; with accounts present this does nothing.
 */
@Component
@EnableConfigurationProperties(AdminBootstrap.BootstrapProperties.class)
class AdminBootstrap implements ApplicationRunner {
    static final String ADMIN = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    /** @param adminPassword the first admin's password; empty: generate one and log it once */
    @ConfigurationProperties("cio.bootstrap")
    record BootstrapProperties(String adminPassword) {
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final BootstrapProperties properties;

    AdminBootstrap(UserRepository users, PasswordEncoder encoder, BootstrapProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean configured = StringUtils.hasText(properties.adminPassword());
        String password = configured ? properties.adminPassword() : SecretGenerator.newSecret();
        if (!users.createIfNoUsers(ADMIN, encoder.encode(password), Set.of(Role.OPERATOR))) {
            return;
        }
        if (configured) {
            LOG.warn("Created operator account '{}' with the password from cio.bootstrap.admin-password", ADMIN);
        } else {
            LOG.warn("Created operator account '{}' with password {} - shown only this once; keep it or reset it with "
                    + "POST /api/v1/admin/users/{}/password", ADMIN, password, ADMIN);
        }
    }
}
