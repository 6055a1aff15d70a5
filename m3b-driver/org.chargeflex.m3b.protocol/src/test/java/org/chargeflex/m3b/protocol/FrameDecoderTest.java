package org.chargeflex.m3b.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {
    private final List<Frame> frames = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(frames::add);

    private static byte[] frame(int seq, Message m) {
        return M3bCodec.encode(seq, m);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    @Test
    void framesSplitAtEveryByteBoundaryAreReassembled() {
        byte[] stream = concat(frame(1, new GetStatus(1)), frame(2, new Heartbeat()), frame(3, new GetMeter(2)));
        for (byte b : stream) {
            decoder.feed(new byte[] {b});
        }
        assertThat(frames).extracting(Frame::sequence).containsExactly(1, 2, 3);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void garbageBeforeAndBetweenFramesIsSkipped() {
        byte[] garbage = {0x00, (byte) 0xA5, (byte) 0xFF, 0x13, (byte) 0xA5, 0x02};
        decoder.feed(concat(garbage, frame(1, new Heartbeat()), garbage, frame(2, new Heartbeat())));
        assertThat(frames).extracting(Frame::sequence).containsExactly(1, 2);
        assertThat(decoder.discardedByteCount()).isGreaterThanOrEqualTo(garbage.length);
    }

    @Test
    void corruptedFrameIsDroppedAndTheNextOneStillDecodes() {
        byte[] bad = frame(1, new SetPwm(1, PwmDuty.forCurrentLimit(16)));
        bad[5] ^= 0x40;
        decoder.feed(concat(bad, frame(2, new GetStatus(1))));
        assertThat(frames).extracting(Frame::sequence).containsExactly(2);
        assertThat(decoder.crcErrorCount()).isEqualTo(1);
    }

    @Test
    void corruptedLengthThatSwallowsFollowingFramesStillLetsThemThrough() {
        byte[] bad = frame(1, new Heartbeat());
        bad[1] = (byte) 200; // claims a 200-byte payload: the decoder waits for it, then finds the CRC wrong
        byte[] good = new byte[0];
        for (int i = 0; i < 40; i++) { // 280 bytes: more than the bogus frame claims
            good = concat(good, frame(10 + i, new GetMeter(1)));
        }
        decoder.feed(concat(bad, good));
        assertThat(frames).extracting(Frame::sequence).hasSize(40).startsWith(10).endsWith(49);
        assertThat(decoder.crcErrorCount()).isEqualTo(1);
    }

    @Test
    void corruptedLengthIsResolvedWhenTheLineGoesIdle() {
        byte[] bad = frame(1, new Heartbeat());
        bad[1] = (byte) 200;
        decoder.feed(concat(bad, frame(2, new GetMeter(1)), frame(3, new GetMeter(1))));
        assertThat(frames).isEmpty(); // still waiting for the 200 bytes the corrupted header announced
        decoder.flushStale();
        assertThat(frames).extracting(Frame::sequence).containsExactly(2, 3);
    }

    @Test
    void truncatedFrameFollowedByAValidOneOnlyLosesTheTruncatedOne() {
        byte[] whole = frame(1, new SetContactor(1, true));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
        decoder.feed(concat(truncated, frame(2, new Heartbeat()), frame(3, new Heartbeat())));
        decoder.flushStale();
        assertThat(frames).extracting(Frame::sequence).containsExactly(2, 3);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void truncatedFrameAtTheEndOfTheStreamIsDroppedWhenTheLineGoesIdle() {
        byte[] whole = frame(1, new Heartbeat());
        decoder.feed(Arrays.copyOf(whole, 4));
        assertThat(decoder.bufferedBytes()).isEqualTo(4);
        decoder.flushStale();
        assertThat(decoder.bufferedBytes()).isZero();
        decoder.feed(frame(2, new Heartbeat()));
        assertThat(frames).extracting(Frame::sequence).containsExactly(2);
    }

    @Test
    void maximalFrameDecodes() {
        Frame max = new Frame(9, 0x42, new byte[Frame.MAX_PAYLOAD]);
        decoder.feed(max.encode());
        assertThat(frames).containsExactly(max);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 4711, 20261125})
    void randomBytesNeverThrowNorStickTheParser(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] noise = new byte[random.nextInt(600)];
            random.nextBytes(noise);
            if (random.nextBoolean()) { // sprinkle start bytes to provoke false headers
                for (int i = 0; i < noise.length; i += 1 + random.nextInt(8)) {
                    noise[i] = (byte) 0xA5;
                }
            }
            int before = frames.size();
            Message probe = new SetPwm(1, PwmDuty.ofPermille(100 + random.nextInt(861)));
            byte[] valid = frame(round & 0xFF, probe);
            assertThatCode(() -> feedInRandomChunks(random, concat(noise, valid))).doesNotThrowAnyException();
            decoder.flushStale();
            assertThat(decoder.bufferedBytes()).isZero();
            List<Frame> mine = frames.subList(before, frames.size()).stream()
                    .filter(f -> Arrays.equals(f.encode(), valid)).toList();
            assertThat(mine).as("round %d: the valid frame after %d random bytes", round, noise.length).hasSize(1);
            for (Frame f : frames.subList(before, frames.size())) { // noise may form frames; decoding must not throw
                assertThatCode(() -> {
                    try {
                        M3bCodec.decode(f);
                    } catch (MalformedMessageException expected) {
                        // a checked, documented outcome
                    }
                }).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void randomFramesWithValidCrcButRandomPayloadDecodeOrAreRejected() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int type = random.nextBoolean() ? MessageType.values()[random.nextInt(MessageType.values().length)].code()
                    : random.nextInt(256);
            byte[] payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
            Frame f = new Frame(random.nextInt(256), type, payload);
            assertThatCode(() -> {
                try {
                    Message m = M3bCodec.decode(f);
                    assertThat(M3bCodec.decode(M3bCodec.toFrame(f.sequence(), m))).isEqualTo(m);
                } catch (MalformedMessageException expected) {
                    // fine: rejected with a reason
                }
            }).as("frame %s", f).doesNotThrowAnyException();
        }
    }

    private void feedInRandomChunks(Random random, byte[] data) {
        int pos = 0;
        while (pos < data.length) {
            int n = Math.min(data.length - pos, 1 + random.nextInt(64));
            decoder.feed(data, pos, n);
            pos += n;
        }
    }
}
