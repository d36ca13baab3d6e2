package hotsm.compiler.programs;

import hotsm.compiler.codegen.ArtifactBuilder;
import hotsm.compiler.codegen.CamCompiler;
import hotsm.compiler.ir.IrInterpreter;
import hotsm.compiler.ir.MachineIr;
import hotsm.compiler.ir.Term;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.jit.Jit;
import hotsm.vm.jit.JitCode;
import hotsm.vm.jit.JitRefusal;
import hotsm.vm.machine.Cam;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.VersionChange;
import hotsm.vm.value.Value;
import hotsm.vm.verify.Verifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engines every test program runs on, which must agree: the reference IR
 * interpreter, the CAM on the verified artifact, the JIT's compiled class of
 * that artifact, and a real in-process {@link Node} that performs the
 * upgrades and downgrades from artifacts.
 */
public final class Engines {
    /** The fuel of one step on the CAM and the JIT: the one default, a node's. */
    static final long FUEL = NodeOptions.DEFAULT_FUEL;

    private Engines() {}

    /** All four, the reference first (its transcript is the one written by {@code -Dgolden.update=true}). */
    public static List<Engine> all() {
        return List.of(new Reference(), new CamEngine(), new JitEngine(), new NodeEngine());
    }

    /** Artifacts are built (and verified) once per machine. */
    private static final Map<MachineIr, Artifact> ARTIFACTS = new IdentityHashMap<>();

    static synchronized Artifact artifact(MachineIr machine) {
        return ARTIFACTS.computeIfAbsent(machine, m -> {
            Artifact built = ArtifactBuilder.build(m);
            Verifier.verify(built);
            return built;
        });
    }

    /** The reference: {@link IrInterpreter} on the step term and on migrations. */
    public static final class Reference implements Engine {
        @Override public String name() { return "ir"; }

        @Override public Session start(MachineIr machine) {
            return new TermSession(machine) {
                @Override protected Value[] step(MachineIr m, Value input, Value state) {
                    IrInterpreter.Result r = IrInterpreter.run(m.step(), input, state);
                    return new Value[] {r.value(), r.state()};
                }

                @Override protected Value run(Term term, Value argument) {
                    return IrInterpreter.run(term, argument, null).value();
                }
            };
        }
    }

    /** The CAM interpreter on the machine's verified artifact; migrations run as compiled code. */
    public static final class CamEngine implements Engine {
        @Override public String name() { return "cam"; }

        @Override public Session start(MachineIr machine) {
            return new TermSession(machine) {
                @Override protected Value[] step(MachineIr m, Value input, Value state) {
                    Artifact a = artifact(m);
                    Cam.Result r = Cam.run(a.step(), a.blocks(), input, state, FUEL);
                    return new Value[] {r.value(), r.state()};
                }

                @Override protected Value run(Term term, Value argument) {
                    return Cam.run(CamCompiler.compile(term), argument, null, FUEL).value();
                }
            };
        }
    }

    /**
     * The JIT tier: the artifact's step code compiled to a class (a refusal fails the program), for the state's
     * shape as a node compiles it (an Int state kept as a long), run without the interpreter to fall back on.
     */
    public static final class JitEngine implements Engine {
        private final Map<MachineIr, JitCode> compiled = new IdentityHashMap<>();

        @Override public String name() { return "jit"; }

        @Override public Session start(MachineIr machine) {
            return new TermSession(machine) {
                @Override protected Value[] step(MachineIr m, Value input, Value state) {
                    Artifact a = artifact(m);
                    JitCode jit = jit(m, a);
                    Cam.Result r = jit != null ? jit.run(input, state, FUEL) : Cam.run(a.step(), a.blocks(), input, state, FUEL);
                    return new Value[] {r.value(), r.state()};
                }

                @Override protected Value run(Term term, Value argument) {
                    return Jit.compile(CamCompiler.compile(term)).run(argument, null, FUEL).value();
                }
            };
        }

        private synchronized JitCode jit(MachineIr m, Artifact a) {
            if (!compiled.containsKey(m)) {
                JitCode code;
                try {
                    code = Jit.compile(a.step(), a.blocks(), a.state().erase());   // the state in the layout a node keeps
                } catch (JitRefusal refused) {
                    // Every program here is one the JIT must compile: a refusal would hide its bugs behind the CAM.
                    throw new AssertionError("the JIT refused " + m.name() + ": " + refused.getMessage(), refused);
                }
                compiled.put(m, code);
            }
            return compiled.get(m);
        }
    }

    /**
     * A real node, in process: started on the first machine's artifact, each
     * step a STEP command, each upgrade an upgrade from the target's artifact
     * (whose upgrade section the node picks), each downgrade the node's
     * downgrade to the version before.
     */
    public static final class NodeEngine implements Engine {
        @Override public String name() { return "node"; }

        @Override public Session start(MachineIr machine) {
            Node node = Node.start(artifact(machine), NodeOptions.defaults());
            return new Session() {
                @Override public Value step(Value input) {
                    try {
                        return await(node.step(input)).output();
                    } catch (Refusal r) {
                        throw r.reason() == Refusal.Reason.STEP_FAILED ? new RuntimeException(cause(r.getMessage())) : r;
                    }
                }

                @Override public Value state() { return await(node.state()).value(); }

                @Override public void upgrade(MachineIr target) { expect(target, await(node.upgrade(artifact(target)))); }

                @Override public void downgrade(MachineIr target) { expect(target, await(node.downgrade())); }

                @Override public void close() { node.close(); }
            };
        }

        /** The run-time error inside the node's {@code The step failed: E. The state is unchanged.} */
        private static String cause(String refusal) {
            Matcher m = STEP_FAILED.matcher(refusal);
            if (!m.matches()) throw new AssertionError("a failed step is refused otherwise than the node says: " + refusal);
            return m.group(1);
        }

        private static final Pattern STEP_FAILED = Pattern.compile("The step failed: (.*)\\. The state is unchanged\\.", Pattern.DOTALL);

        private static void expect(MachineIr target, VersionChange change) {
            if (!change.toName().equals(target.name())) {
                throw new AssertionError("the node changed to " + change.describe() + ", not to " + target.name());
            }
        }

        private static <T> T await(CompletableFuture<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
