package org.chargeflex.cio.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.chargeflex.cio.station.Station;
import org.chargeflex.cio.station.StationRepository;
import org.chargeflex.cio.station.StationRepository.AccessCredential;
import org.chargeflex.cio.system.Problems;
import org.chargeflex.cio.system.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Calls a channel of a registered station ({@code {restBaseUrl}/rest/channels/{label}}) with the access credential
 * stored for it, through {@link StationChannelClient}. Used by the operators' channel access and by other features
 * that write a station channel (e.g. the DNO's emergency grid limit). Holds no transaction: never call it inside one.
 */
@Component
public class StationChannelAccess {
    private static final Logger LOG = LoggerFactory.getLogger(StationChannelAccess.class);

    private final StationRepository stations;
    private final SecretBox secretBox;
    private final StationChannelClient client;

    StationChannelAccess(StationRepository stations, SecretBox secretBox, StationChannelClient client) {
        this.stations = stations;
        this.secretBox = secretBox;
        this.client = client;
    }

    /** The outcome of {@link #write}: whether the station accepted the value (2xx), and what happened if not. */
    public record WriteOutcome(boolean delivered, String detail) {
    }

    /**
     * Writes {@code {"record":{"value":<json>}}} to the channel within {@code timeout}. Never throws for a station
     * problem (no REST URL or credential, unreachable, timeout, refusal): the outcome says so.
     */
    public WriteOutcome write(Station station, String label, String jsonValue, Duration timeout) {
        byte[] body = ("{\"record\":{\"value\":" + jsonValue + "}}").getBytes(StandardCharsets.UTF_8);
        try {
            StationChannelClient.StationAnswer answer = call("PUT", station, label, body, timeout);
            if (answer.status() / 100 == 2) {
                return new WriteOutcome(true, null);
            }
            String text = new String(answer.body(), 0, Math.min(answer.body().length, 300), StandardCharsets.UTF_8);
            return new WriteOutcome(false, "the station answered " + answer.status() + ": " + text);
        } catch (ErrorResponseException e) {
            return new WriteOutcome(false, e.getBody().getDetail());
        }
    }

    /** One call with the stored credential; problems (409, 500, 502, 504) as {@link ErrorResponseException}s. */
    StationChannelClient.StationAnswer call(String method, Station station, String label, byte[] body,
            Duration timeout) {
        if (station.restBaseUrl() == null) {
            throw Problems.conflict("station '" + station.id() + "' has no REST base URL");
        }
        AccessCredential credential = stations.accessCredential(station.id())
                .orElseThrow(() -> Problems.conflict("no access credential is stored for station '" + station.id() + "'"));
        String password;
        try {
            password = secretBox.decrypt(credential.encryptedPassword(), station.id());
        } catch (IllegalArgumentException e) {
            LOG.error("The access credential of station {} does not decrypt (wrong cio.secrets.key?)", station.id(), e);
            throw Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "secret-undecryptable", "Stored secret unusable",
                    "the stored access credential cannot be decrypted with this server's key; set it again");
        }
        URI uri = URI.create(station.restBaseUrl() + "/rest/channels/" + label);
        return timeout == null ? client.exchange(method, uri, credential.username(), password, body)
                : client.exchange(method, uri, credential.username(), password, body, timeout);
    }
}
