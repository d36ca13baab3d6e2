package hotsm.vm.node;

import hotsm.vm.bytecode.Identity;
import hotsm.vm.trust.Signer;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a node's version history: which machine ran from when, and how
 * the node got there.
 *
 * @param identity the machine's identity
 * @param name     its qualified name
 * @param since    when it started running (to the millisecond, as the protocol carries it)
 * @param arrival  how the node got to it
 * @param from     the identity it replaced (empty for the first version)
 * @param signer   who signed the change, on a node with trusted keys (docs/security.md)
 */
public record Version(Identity identity, String name, Instant since, Arrival arrival, Optional<Identity> from,
                      Optional<Signer> signer) {

    /** How a version came to run. */
    public enum Arrival { STARTED, UPGRADED, DOWNGRADED }

    public Version {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(name);
        Objects.requireNonNull(since);
        Objects.requireNonNull(arrival);
        Objects.requireNonNull(from);
        Objects.requireNonNull(signer);
        since = since.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);   // what the protocol carries
    }

    /** A change nobody signed. */
    public Version(Identity identity, String name, Instant since, Arrival arrival, Optional<Identity> from) {
        this(identity, name, since, arrival, from, Optional.empty());
    }

    /** {@code 2026-11-26T13:00:00Z  started     Counter1.counter 1a2b3c4d}. */
    public String describe() {
        String how = switch (arrival) {
            case STARTED -> "started";
            case UPGRADED -> "upgraded from " + from.map(Identity::shortHex).orElse("?");
            case DOWNGRADED -> "downgraded from " + from.map(Identity::shortHex).orElse("?");
        };
        return since + "  " + identity.shortHex() + "  " + name + "  (" + how
                + signer.map(s -> ", " + s.describe()).orElse("") + ")";
    }
}
