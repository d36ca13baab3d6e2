package hotsm.repl;

import hotsm.cli.sm.UpgradeMismatch;
import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.Identity;
import hotsm.vm.node.Node;
import hotsm.vm.node.NodeInfo;
import hotsm.vm.node.NodeOptions;
import hotsm.vm.node.Refusal;
import hotsm.vm.node.StateView;
import hotsm.vm.node.StepResult;
import hotsm.vm.node.StepTrace;
import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import hotsm.vm.value.Value;
import hotsm.vm.verify.VerifyException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A machine running in the REPL's own process, on the CAM, inside an
 * in-process {@link Node} that no network reaches. Steps are atomic (a failed
 * step leaves the state as it was) and {@code :upgrade}, {@code :downgrade},
 * {@code :history} work exactly as they do on a remote node, with the same
 * messages. A step prints its output and then the new state.
 */
final class LocalMachine implements Target {
    private final Artifact loaded;
    private Node node;
    private NodeInfo info;

    LocalMachine(Artifact artifact) throws ReplError {
        this.loaded = artifact;
        start();
    }

    private void start() throws ReplError {
        try {
            node = Node.start(loaded, NodeOptions.defaults());
        } catch (VerifyException e) {
            throw ReplError.of(loaded.name() + " does not verify: " + ReplSession.oneLine(e));
        }
        info = await(node.info());
    }

    /** The node's answer; a refusal is rethrown as it is. */
    private static <T> T await(CompletableFuture<T> reply) throws ReplError {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal r) throw r;
            throw ReplError.of("internal: " + ReplSession.oneLine(e.getCause()));
        } catch (InterruptedException e) {
            throw new Interrupted(Interrupted.MESSAGE + " The machine had already been asked; it finishes or fails"
                    + " the request on its own (:state shows which).");
        }
    }

    @Override public String machineName() { return info.name(); }

    @Override public Identity identity() { return info.identity(); }

    @Override public TypeDesc inputType() { return info.input(); }

    @Override public List<String> step(Value input) throws ReplError {
        try {
            StepResult r = await(node.step(input));
            StateView s = await(node.state());
            return List.of(Values.print(r.outputType(), r.output()), StepTrace.newState(s.type(), s.value()));
        } catch (Refusal e) {
            // The node's own words ("The step failed: ... The state is unchanged."), as a remote node sends them.
            String m = e.getMessage();
            throw ReplError.of(m.contains("unchanged") ? m : "step failed, state unchanged: " + m);
        }
    }

    @Override public String state() throws ReplError {
        StateView s = await(node.state());
        return Values.print(s.type(), s.value());
    }

    @Override public String upgrade(Artifact artifact) throws ReplError {
        try {
            String message = await(node.upgrade(artifact)).message();
            info = await(node.info());
            return message;
        } catch (Refusal e) {
            // the node's sentence, then why (the REPL holds the artifact)
            return e.getMessage() + UpgradeMismatch.explain(e, artifact, info.name(), info.identity())
                    .map(why -> System.lineSeparator() + why).orElse("");
        }
    }

    @Override public String downgrade() throws ReplError {
        try {
            String message = await(node.downgrade()).message();
            info = await(node.info());
            return message;
        } catch (Refusal e) {
            return e.getMessage();
        }
    }

    @Override public List<String> history() throws ReplError {
        return hotsm.cli.sm.InfoCommand.historyLines(await(node.info()));
    }

    /** Back to the loaded machine in its initial state (undoing any upgrades). */
    void reset() throws ReplError {
        node.close();
        start();
    }

    @Override public String describe() {
        return info.name() + " : " + info.input() + " -> " + info.output()
                + ", state " + info.state() + " = " + Values.print(loaded.state(), loaded.initialState());
    }

    @Override public List<String> info() throws ReplError {
        return List.of(
                "machine  " + info.name() + " (in this process)",
                "identity " + info.identity().hex(),
                "input    " + TypeText.describe(info.input()),
                "output   " + TypeText.describe(info.output()),
                "state    " + TypeText.describe(info.state()) + ", now " + state());
    }

    @Override public void close() { node.close(); }
}
