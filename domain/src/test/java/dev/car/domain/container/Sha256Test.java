package dev.car.domain.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void knownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex("abc"));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
    }

    /** Every length around the block and padding boundaries, and random content, as the JDK digests it. */
    @Test
    void randomMessagesDigestAsMessageDigestDoes() throws Exception {
        Random random = new Random(20261204L);
        MessageDigest reference = MessageDigest.getInstance("SHA-256");
        for (int length = 0; length <= 300; length++) {
            for (int round = 0; round < 5; round++) {
                byte[] message = new byte[length];
                random.nextBytes(message);
                assertArrayEquals(reference.digest(message), Sha256.digest(message), "length " + length);
            }
        }
        byte[] large = new byte[1 << 20];
        random.nextBytes(large);
        assertArrayEquals(reference.digest(large), Sha256.digest(large));
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
