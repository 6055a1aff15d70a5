package org.chargeflex.cio.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    private final SecretBox box = SecretBox.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        String a = box.encrypt("pw", "ST-1");
        String b = box.encrypt("pw", "ST-1");
        assertThat(a).isNotEqualTo(b).startsWith("v1:").doesNotContain("pw");
        assertThat(box.decrypt(a, "ST-1")).isEqualTo("pw");
    }

    @Test
    void valueCopiedToAnotherOwnerDoesNotDecrypt() {
        String a = box.encrypt("pw", "ST-1");
        assertThatThrownBy(() -> box.decrypt(a, "ST-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherKeyDoesNotDecrypt() {
        String a = box.encrypt("pw", "ST-1");
        SecretBox other = SecretBox.fromBase64("YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODk=");
        assertThatThrownBy(() -> other.decrypt(a, "ST-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyOfWrongLengthIsRefused() {
        assertThatThrownBy(() -> SecretBox.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }

    @Test
    void keyFileIsCreatedPrivateAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/secrets.key");
        String enc = SecretBox.fromFile(file).encrypt("pw", "ST-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SecretBox.fromFile(file).decrypt(enc, "ST-1")).isEqualTo("pw");
    }
}
