package hotsm.vm.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The signer's memory of release numbers: beside {@code NAME.key}, the text
 * file {@code NAME.releases} holds one line {@code MACHINE N} per machine,
 * the highest release {@code smc sign} has signed for it with that key.
 * MACHINE is the machine's name without its module ({@code counter} for
 * {@code Counter2.counter}), because the versions of one machine live in
 * different modules and their releases must keep rising across them.
 */
public final class ReleaseRecord {
    private ReleaseRecord() {}

    /** {@code ops.key} -> {@code ops.releases}. */
    public static Path beside(Path secretKey) {
        String name = secretKey.getFileName().toString();
        if (name.endsWith(".key")) name = name.substring(0, name.length() - 4);
        return secretKey.resolveSibling(name + ".releases");
    }

    /** {@code Counter2.counter} -> {@code counter}. */
    public static String machineOf(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }

    public static Map<String, Long> read(Path file) throws IOException {
        Map<String, Long> highest = new TreeMap<>();
        if (!Files.exists(file)) return highest;
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] parts = t.split("\\s+");
            try {
                if (parts.length != 2) throw new NumberFormatException();
                highest.put(parts[0], Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                throw new TrustException(file + ":" + n + ": expected `MACHINE RELEASE`, got `" + t + "`");
            }
        }
        return highest;
    }

    /** The release after the highest recorded for {@code machine} (1 for the first). */
    public static long next(Path file, String machine) throws IOException {
        return read(file).getOrDefault(machine, 0L) + 1;
    }

    /** Record that {@code release} was signed for {@code machine} (keeps the highest). */
    public static void record(Path file, String machine, long release) throws IOException {
        Map<String, Long> highest = read(file);
        highest.merge(machine, release, Math::max);
        StringBuilder b = new StringBuilder("# highest release signed per machine (smc sign); keep beside the key\n");
        highest.forEach((m, r) -> b.append(m).append(' ').append(r).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
