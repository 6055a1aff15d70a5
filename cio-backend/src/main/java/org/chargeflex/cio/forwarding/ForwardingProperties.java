package org.chargeflex.cio.forwarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param defaultTimeout the timeout of a new management service when the operator gives none */
@ConfigurationProperties("cio.forwarding")
record ForwardingProperties(@DefaultValue("2s") Duration defaultTimeout) {
}
