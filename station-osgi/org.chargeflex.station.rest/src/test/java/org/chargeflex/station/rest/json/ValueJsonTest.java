package org.chargeflex.station.rest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.junit.jupiter.api.Test;

class ValueJsonTest {
    private final ObjectMapper mapper = JsonSupport.newMapper();

    private Value from(String json, ValueType type) throws Exception {
        return ValueJson.fromJson(mapper.readTree(json), type);
    }

    private void refused(String json, ValueType type, String reason) {
        assertThatThrownBy(() -> from(json, type)).isInstanceOf(ValueJsonException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void readsEachTypeFromItsJsonForm() throws Exception {
        assertThat(from("true", ValueType.BOOLEAN)).isEqualTo(Value.of(true));
        assertThat(from("-42", ValueType.LONG)).isEqualTo(Value.of(-42L));
        assertThat(from("9223372036854775807", ValueType.LONG)).isEqualTo(Value.of(Long.MAX_VALUE));
        assertThat(from("16.0", ValueType.LONG)).as("an integral value written with a fraction")
                .isEqualTo(Value.of(16L));
        assertThat(from("2.5", ValueType.DOUBLE)).isEqualTo(Value.of(2.5));
        assertThat(from("16", ValueType.DOUBLE)).isEqualTo(Value.of(16.0));
        assertThat(from("\"B\"", ValueType.STRING)).isEqualTo(Value.of("B"));
        assertThat(from("\"AQL/\"", ValueType.BYTE_ARRAY)).isEqualTo(Value.of(new byte[] {1, 2, (byte) 0xff}));
    }

    @Test
    void refusesValuesOfAnotherJsonType() {
        refused("1", ValueType.BOOLEAN, "true or false");
        refused("\"true\"", ValueType.BOOLEAN, "true or false");
        refused("\"42\"", ValueType.LONG, "integral number");
        refused("true", ValueType.LONG, "integral number");
        refused("\"2.5\"", ValueType.DOUBLE, "a number");
        refused("5", ValueType.STRING, "a string");
        refused("[1,2]", ValueType.BYTE_ARRAY, "Base64 string");
        refused("{}", ValueType.STRING, "got a JSON object");
    }

    @Test
    void refusesNumbersThatDoNotFit() {
        refused("4.5", ValueType.LONG, "integral number, got 4.5");
        refused("9223372036854775808", ValueType.LONG, "outside the range");
        refused("1e30", ValueType.LONG, "outside the range");
        refused("1e400", ValueType.DOUBLE, "too large");
        refused("\"not base64!\"", ValueType.BYTE_ARRAY, "Base64");
        refused("null", ValueType.LONG, "missing or null");
    }

    @Test
    void writesEachTypeInItsJsonForm() throws Exception {
        assertThat(ValueJson.toJson(Value.of(true))).isEqualTo(true);
        assertThat(ValueJson.toJson(Value.of(7L))).isEqualTo(7L);
        assertThat(ValueJson.toJson(Value.of(7.5))).isEqualTo(7.5);
        assertThat(ValueJson.toJson(Value.of("x"))).isEqualTo("x");
        assertThat(ValueJson.toJson(Value.of(new byte[] {1, 2, (byte) 0xff}))).isEqualTo("AQL/");
        assertThat(ValueJson.toJson(null)).isNull();
        assertThat(mapper.writeValueAsString(Map.of("v", ValueJson.toJson(Value.of(7.0))))).isEqualTo("{\"v\":7.0}");
        assertThat(mapper.writeValueAsString(Map.of("v", ValueJson.toJson(Value.of(new byte[0])))))
                .isEqualTo("{\"v\":\"\"}");
    }
}
