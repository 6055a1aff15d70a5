package org.chargeflex.station.rest.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.chargeflex.station.api.Flag;
import org.chargeflex.station.api.Value;
import org.chargeflex.station.api.ValueType;
import org.chargeflex.station.rest.json.JsonSupport;
import org.chargeflex.station.rest.problem.ProblemException;
import org.junit.jupiter.api.Test;

class WriteBodyTest {
    private final ObjectMapper mapper = JsonSupport.newMapper();

    private Value parse(String body, ValueType type) {
        return WriteBody.parse(body.getBytes(StandardCharsets.UTF_8), mapper, type);
    }

    private ProblemException refused(String body, ValueType type) {
        return catchThrowableOfType(ProblemException.class, () -> parse(body, type));
    }

    @Test
    void takesTheValueOutOfTheRecord() {
        assertThat(parse("{\"record\":{\"value\":16,\"timestamp\":1}}", ValueType.LONG)).isEqualTo(Value.of(16L));
        assertThat(parse(" {\"record\":{\"value\":\"on\"}} ", ValueType.STRING)).isEqualTo(Value.of("on"));
    }

    @Test
    void answersMalformedBodiesWith400AndTheReason() {
        ProblemException e = refused("{\"record\":", ValueType.LONG);
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().type()).endsWith("malformed-json");
        assertThat(e.problem().detail()).contains("line 1");
        assertThat(refused("", ValueType.LONG).problem().detail()).contains("empty");
        assertThat(refused("{\"record\":{\"value\":1}} trailing", ValueType.LONG).problem().type())
                .endsWith("malformed-json");
        assertThat(refused("{\"record\":{\"value\":1},\"record\":{}}", ValueType.LONG).problem().type())
                .endsWith("malformed-json");
    }

    @Test
    void answersAMissingOrNullValueWith400() {
        assertThat(refused("{}", ValueType.LONG).problem().type()).endsWith("missing-value");
        assertThat(refused("{\"record\":5}", ValueType.LONG).problem().type()).endsWith("missing-value");
        assertThat(refused("[1]", ValueType.LONG).problem().type()).endsWith("missing-value");
        ProblemException nul = refused("{\"record\":{\"value\":null}}", ValueType.LONG);
        assertThat(nul.problem().flag()).isEqualTo(Flag.CANNOT_WRITE_NULL_VALUE);
    }

    @Test
    void answersAWrongTypeWith400NamingTheExpectedType() {
        ProblemException e = refused("{\"record\":{\"value\":\"42\"}}", ValueType.LONG);
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().type()).endsWith("wrong-value-type");
        assertThat(e.problem().toJson()).containsEntry("valueType", "LONG");
    }

    @Test
    void refusesOversizedBodiesWith413() {
        byte[] big = new byte[WriteBody.MAX_BYTES + 1];
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> WriteBody.read(new ByteArrayInputStream(big), mapper, ValueType.STRING));
        assertThat(e.problem().status()).isEqualTo(413);
    }
}
