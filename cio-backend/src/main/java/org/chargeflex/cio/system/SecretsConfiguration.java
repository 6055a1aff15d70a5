package org.chargeflex.cio.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The {@link SecretBox}: key from {@code cio.secrets.key}, else from (or created in) {@code cio.secrets.key-file}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsConfiguration.SecretsProperties.class)
class SecretsConfiguration {

    /**
     * @param key     base64 of 32 random bytes, the same on every instance (e.g. from the CIO_SECRETS_KEY variable)
     * @param keyFile used when {@code key} is empty; created with a random key if missing (single-instance setups)
     */
    @ConfigurationProperties("cio.secrets")
    record SecretsProperties(String key, @DefaultValue("data/secrets.key") Path keyFile) {
    }

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        return StringUtils.hasText(properties.key()) ? SecretBox.fromBase64(properties.key())
                : SecretBox.fromFile(properties.keyFile());
    }
}
