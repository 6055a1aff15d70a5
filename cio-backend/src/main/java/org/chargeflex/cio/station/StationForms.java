package org.chargeflex.cio.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the station registry, validated with Bean Validation. */
final class StationForms {
    static final String ID = "[A-Za-z0-9._:-]{1,64}";
    static final String ID_MESSAGE = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'";
    static final String HTTP_URL = "https?://[^\\s/?#]+(/[^\\s?#]*)?";

    private StationForms() {
    }

    record OutletForm(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @Positive double maxPowerW, @Min(1) @Max(3) int phases) {

        Outlet toOutlet() {
            return new Outlet(id, maxPowerW, phases);
        }
    }

    record StationForm(@NotBlank @Size(max = 200) String name,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Pattern(regexp = ID, message = ID_MESSAGE) String gridConnectionPoint,
            @Positive double maxPowerW,
            @Size(max = 500) @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL without query") String restBaseUrl) {

        StationRepository.StationData toData() {
            String base = restBaseUrl == null ? null : restBaseUrl.replaceAll("/+$", "");
            return new StationRepository.StationData(name, latitude, longitude, gridConnectionPoint, maxPowerW, base);
        }
    }

    record NewStation(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @NotNull @Valid StationForm station, @Valid List<OutletForm> outlets) {
    }

    record AccessCredentialForm(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    record GridConnectionPointForm(@NotBlank @Size(max = 200) String name, @Positive double maxPowerW) {
    }

    /** A new station secret, returned this once. */
    record IssuedCredential(String stationId, String secret) {
    }
}
