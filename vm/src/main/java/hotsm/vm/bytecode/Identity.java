package hotsm.vm.bytecode;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A machine's identity: the SHA-256 of the canonical encoding of its name, its
 * three types and its step code (LANGUAGE.md §9). Printed as hex; the short
 * form is the first 8 hex digits.
 */
public record Identity(byte[] bytes) {
    public Identity {
        if (bytes.length != 32) throw new IllegalArgumentException("an identity is 32 bytes, got " + bytes.length);
        bytes = bytes.clone();
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    public String hex() { return HexFormat.of().formatHex(bytes); }

    public String shortHex() { return hex().substring(0, 8); }

    public static Identity parseHex(String hex) { return new Identity(HexFormat.of().parseHex(hex)); }

    @Override public boolean equals(Object o) { return o instanceof Identity i && Arrays.equals(bytes, i.bytes); }

    @Override public int hashCode() { return Arrays.hashCode(bytes); }

    @Override public String toString() { return hex(); }
}
