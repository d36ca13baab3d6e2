package hotsm.repl;

import hotsm.vm.bytecode.Artifact;
import hotsm.vm.bytecode.ArtifactCodec;
import hotsm.vm.bytecode.ArtifactFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The artifact an {@code :upgrade} sends: read from a {@code .cam} file, or compiled from a {@code .sm} file. */
final class Artifacts {
    private Artifacts() {}

    /**
     * @param machine     which machine of a {@code .sm} file, or null: the only one, or
     *                    the one with the running machine's bare name
     * @param runningName the node's machine, {@code Counter1.counter}
     */
    static Artifact load(Path file, String machine, String runningName) throws ReplError {
        if (file.getFileName().toString().endsWith(".cam")) {
            try {
                return ArtifactCodec.decode(Files.readAllBytes(file));
            } catch (IOException e) {
                throw ReplError.of("cannot read " + file + ": " + ReplSession.oneLine(e));
            } catch (ArtifactFormatException e) {
                throw ReplError.of(file.getFileName() + " is not a valid artifact: " + ReplSession.oneLine(e));
            }
        }
        LoadedProgram program = LoadedProgram.compile(file);
        return program.artifact(chooseMachine(program, machine, runningName));
    }

    private static String chooseMachine(LoadedProgram program, String machine, String runningName) throws ReplError {
        if (machine != null) return program.resolveMachine(machine);
        List<String> names = program.machineNames();
        if (names.isEmpty()) throw ReplError.of(program.displayName() + " defines no machine");
        if (names.size() == 1) return names.get(0);
        String bare = runningName.substring(runningName.lastIndexOf('.') + 1);
        for (String n : names) if (n.endsWith("." + bare)) return n;
        throw ReplError.of(program.displayName() + " defines several machines (" + String.join(", ", names)
                + "); say which: :upgrade FILE MACHINE");
    }
}
