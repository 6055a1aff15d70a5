package org.chargeflex.cio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The CIO backend: station registry, schedule service, forwarding to fleet and DNO services and the operator admin
 * API, over PostgreSQL. Instances keep no state of their own, so several can run on one database.
 */
@SpringBootApplication
public class CioApplication {

    public static void main(String[] args) {
        SpringApplication.run(CioApplication.class, args);
    }
}
