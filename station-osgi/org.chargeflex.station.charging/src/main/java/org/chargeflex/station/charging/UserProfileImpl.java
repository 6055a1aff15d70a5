package org.chargeflex.station.charging;

import java.time.Duration;
import org.chargeflex.cio.contract.UserIdentification;
import org.chargeflex.station.charging.session.UserDefaults;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One user profile (factory PID {@code org.chargeflex.station.charging.user}). A profile with a malformed token,
 * type or URL fails activation with a message naming the field (logged by DS) and is not used.
 */
@Designate(ocd = UserConfig.class, factory = true)
@Component(name = UserProfileImpl.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = UserProfile.class)
public class UserProfileImpl implements UserProfile {
    static final String FACTORY_PID = "org.chargeflex.station.charging.user";

    private UserIdentification user;
    private UserDefaults defaults;

    @Activate
    void activate(UserConfig c) {
        UserIdentification.Type type;
        try {
            type = UserIdentification.Type.valueOf(c.type().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("user profile: type must be RFID or ACCOUNT, was '" + c.type() + "'");
        }
        user = new UserIdentification(type, c.token() == null ? "" : c.token().trim());
        if (c.phases() < 0 || c.phases() > 3) {
            throw new IllegalArgumentException("user profile " + user.token() + ": phases must be 0..3");
        }
        defaults = new UserDefaults(positive(c.energyDemandWh()), positive(c.maxCurrentA()),
                positive(c.minCurrentA()), c.phases() == 0 ? null : c.phases(),
                c.departureMinutes() > 0 ? Duration.ofMinutes(c.departureMinutes()) : null,
                ChargingOutletImpl.url(c.managementServiceUrl(), "user profile " + user.token()));
    }

    private static Double positive(double v) {
        return v > 0 && Double.isFinite(v) ? v : null;
    }

    @Override
    public UserIdentification user() {
        return user;
    }

    @Override
    public UserDefaults defaults() {
        return defaults;
    }
}
