package hotsm.vm.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 keys from the JDK's own provider (SunEC), in PEM files: the secret
 * key as PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, owner-only), the public
 * key as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}), the
 * forms {@code openssl pkey} reads and writes. On the wire and in signature
 * files a public key is its 32 raw bytes.
 */
public final class Ed25519Keys {
    private Ed25519Keys() {}

    public static final String ALGORITHM = "Ed25519";
    /** Raw public key length. */
    public static final int RAW_LENGTH = 32;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** {@code NAME.key} (owner-only, must not exist) and {@code NAME.pub}. */
    public static void write(KeyPair pair, Path secretFile, Path publicFile) throws IOException {
        OwnerOnlyFiles.create(secretFile, Pem.write("PRIVATE KEY", pair.getPrivate().getEncoded())
                .getBytes(StandardCharsets.US_ASCII));
        Files.writeString(publicFile, Pem.write("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    /** Read a secret key file, refusing one that others may read. */
    public static PrivateKey readSecret(Path file) throws IOException {
        String text = readText(file, "the secret key file");
        // Checked before the permissions: a public key is world-readable on purpose, and that is not its fault.
        if (text.contains("-----BEGIN PUBLIC KEY-----")) throw new TrustException(file + " is a public key;"
                + " sign with its secret key, " + secretBeside(file) + " (smc keygen writes NAME.key and NAME.pub)");
        OwnerOnlyFiles.check(file, "The secret key file");
        byte[] der = Pem.read(text, "PRIVATE KEY", file.toString()).get(0);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + " is not an Ed25519 secret key (smc keygen makes one)", e);
        }
    }

    /** Where {@code smc keygen} put the secret key of the public key {@code publicFile}: NAME.key beside NAME.pub. */
    private static Path secretBeside(Path publicFile) {
        String name = publicFile.getFileName().toString();
        String stem = name.endsWith(".pub") ? name.substring(0, name.length() - ".pub".length()) : name;
        return publicFile.resolveSibling(stem + ".key");
    }

    public static PublicKey readPublic(Path file) throws IOException {
        String text = readText(file, "the public key file");
        byte[] der = Pem.read(text, "PUBLIC KEY", file.toString()).get(0);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TrustException(file + " is not an Ed25519 public key (smc keygen makes one)", e);
        }
    }

    private static String readText(Path file, String what) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new TrustException("no such file: " + file + " (" + what + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new TrustException(file + " is not a PEM file (" + what + ")");
        }
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der.length != SPKI_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new TrustException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** The public key of 32 raw bytes. */
    public static PublicKey fromRaw(byte[] raw) {
        if (raw.length != RAW_LENGTH) throw new TrustException("an Ed25519 public key has 32 bytes, not " + raw.length);
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_LENGTH);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, RAW_LENGTH);
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new TrustException("not an Ed25519 public key", e);
        }
    }

    /** The first 8 bytes of the SHA-256 of the raw key, in hex: how people and the history name a key. */
    public static String fingerprint(byte[] raw) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String fingerprint(PublicKey key) {
        return fingerprint(raw(key));
    }
}
