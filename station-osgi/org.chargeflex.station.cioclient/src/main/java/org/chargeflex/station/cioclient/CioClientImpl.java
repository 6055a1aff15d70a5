package org.chargeflex.station.cioclient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.chargeflex.cio.contract.ChargingRequest;
import org.chargeflex.cio.contract.MeterValue;
import org.chargeflex.station.cioclient.api.CioClient;
import org.chargeflex.station.cioclient.api.CioException;
import org.chargeflex.station.cioclient.api.MeterReading;
import org.chargeflex.station.cioclient.api.OutboxStatus;
import org.chargeflex.station.cioclient.api.ScheduleResponse;
import org.chargeflex.station.cioclient.api.SessionEvent;
import org.chargeflex.station.cioclient.http.Backoff;
import org.chargeflex.station.cioclient.http.CioHttp;
import org.chargeflex.station.cioclient.http.Json;
import org.chargeflex.station.cioclient.http.TlsContexts;
import org.chargeflex.station.cioclient.outbox.Outbox;
import org.chargeflex.station.cioclient.outbox.OutboxEntry;
import org.chargeflex.station.cioclient.outbox.OutboxSender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIO client component (configuration PID {@code org.chargeflex.station.cioclient}, required). It checks its
 * configuration first and registers the {@link CioClient} service only with a valid one; a bad configuration is
 * logged with every problem and nothing is registered. A configuration change re-creates it.
 */
@Designate(ocd = Config.class)
@Component(name = CioClientImpl.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
public class CioClientImpl implements CioClient {
    public static final String PID = "org.chargeflex.station.cioclient";
    static final String HOME_PROPERTY = "chargeflex.home";
    private static final Logger LOG = LoggerFactory.getLogger(CioClientImpl.class);

    private final ObjectMapper json = Json.newMapper();
    private ClientSettings settings;
    private CioHttp http;
    private ScheduleCalls calls;
    private Outbox outbox;
    private OutboxSender sender;
    private Thread senderThread;
    private ServiceRegistration<CioClient> registration;

    @Activate
    void activate(BundleContext context, Config config) {
        try {
            start(ClientSettings.from(config, context.getProperty(HOME_PROPERTY)));
        } catch (IllegalArgumentException e) {
            LOG.error("CIO client not started, its configuration ({}) is refused: {}", PID, e.getMessage());
            return;
        } catch (IOException | java.security.GeneralSecurityException e) {
            LOG.error("CIO client not started: {}", e.toString(), e);
            stop();
            return;
        }
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("stationId", settings.stationId());
        registration = context.registerService(CioClient.class, this, props);
    }

    /** Opens the outbox, builds the HTTP client and starts the sender thread. */
    void start(ClientSettings s) throws IOException, java.security.GeneralSecurityException {
        settings = s;
        SSLContext ssl = "https".equals(s.baseUrl().getScheme())
                ? TlsContexts.create(s.truststore(), s.truststorePassword(), s.truststoreType()) : null;
        outbox = Outbox.open(s.outboxDirectory(), s.outboxMaxPending(), s.outboxSegmentBytes());
        http = new CioHttp(s.baseUrl(), s.stationId(), s.secret(), ssl, s.connectTimeout(), s.readTimeout());
        calls = new ScheduleCalls(http, json, s.stationId(), s.requestAttempts(), s.retryMinMillis(),
                s.retryMaxMillis());
        sender = new OutboxSender(outbox, http, s.stationId(), s.batchSize(),
                new Backoff(s.retryMinMillis(), s.retryMaxMillis()));
        senderThread = new Thread(sender, "chargeflex-cio-outbox");
        senderThread.setDaemon(true);
        senderThread.start();
        LOG.info("CIO client started: {} as station {}, outbox {}", s.baseUrl(), s.stationId(),
                s.outboxDirectory());
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        stop();
    }

    void stop() {
        if (sender != null) {
            sender.stop();
            senderThread.interrupt();
            try {
                senderThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sender = null;
        }
        if (http != null) {
            http.close();
            http = null;
        }
        if (outbox != null) {
            try {
                outbox.close();
            } catch (IOException e) {
                LOG.warn("Closing the CIO outbox failed", e);
            }
            outbox = null;
        }
    }

    @Override
    public String stationId() {
        return settings.stationId();
    }

    @Override
    public ScheduleResponse requestSchedule(ChargingRequest request) throws CioException {
        return calls.request(request);
    }

    @Override
    public Optional<ScheduleResponse> pollSchedule(String sessionId, String etag) throws CioException {
        return calls.poll(sessionId, etag);
    }

    @Override
    public long enqueueMeterValue(MeterReading r) {
        return outbox.append(OutboxEntry.Type.METER_VALUE, !r.boundary(), seq -> write(new MeterValue(seq,
                r.timestamp(), r.outletId(), r.sessionId(), r.energyWh(), r.powerW(), r.phaseCurrentsA())));
    }

    @Override
    public long enqueueSessionRecord(SessionEvent e) {
        return outbox.append(OutboxEntry.Type.SESSION_RECORD, false,
                seq -> write(e.toRecord(settings.stationId(), seq)));
    }

    private String write(Object record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    @Override
    public OutboxStatus outboxStatus() {
        return outbox.status();
    }
}
