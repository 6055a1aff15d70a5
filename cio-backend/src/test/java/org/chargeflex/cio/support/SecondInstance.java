package org.chargeflex.cio.support;

import java.util.ArrayList;
import java.util.List;
import org.chargeflex.cio.CioApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another application instance on the tests' database (a second node behind a load balancer, or a restart), with the
 * shared test secrets and admin password and a random port.
 */
public record SecondInstance(ConfigurableApplicationContext context, Api api) implements AutoCloseable {

    /** Starts it; {@code properties} ({@code key=value}) override the application's own. */
    public static SecondInstance start(String applicationName, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "cio.secrets.key=" + IntegrationTest.SECRETS_KEY,
                "cio.bootstrap.admin-password=" + IntegrationTest.ADMIN.password(),
                "spring.application.name=" + applicationName));
        all.addAll(List.of(properties));
        // as command-line arguments: they override application.properties (default properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CioApplication.class)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
        return new SecondInstance(context,
                new Api("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }
}
