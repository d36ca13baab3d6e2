package hotsm.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripted sessions written against issue 5 (the acceptance engineer's probes). */
class ReplAcceptanceTest {
    @TempDir
    Path dir;

    @Test
    void loadingAFileThatCannotBeReadIsOneErrorLine() throws Exception {
        Path garbage = Files.write(dir.resolve("Garbage.sm"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 7});
        List<String> out = Sessions.run(":load " + garbage, "1 + 2");
        assertEquals(List.of(garbage + ":1:1: error: cannot read " + garbage + ": not UTF-8 text (.sm files are UTF-8)",
                "3 : Int"), out);
    }

    @Test
    void typeOfAFunctionNameShowsItsTypeAsGhciDoes() {
        assertEquals(List.of("fst : (a, b) -> a", "not : Bool -> Bool", "fromMaybe : (a, Maybe a) -> a",
                "Prelude.isJust : Maybe a -> Bool", "showInt : Int -> String"),
                Sessions.run(":type fst", ":type not", ":type fromMaybe", ":type Prelude.isJust", ":type showInt"));
    }

    @Test
    void typeOfAFunctionOfTheLoadedFile() throws Exception {
        Path f = Files.writeString(dir.resolve("Fns.sm"), "module Fns\ndouble n = n + n\nfst p = 7\nmachine m : () -> ()\n  state () = ()\n  proc u -> returnA -< u\n");
        assertEquals(List.of("double : Int -> Int", "fst : a -> Int", "Fns.double : Int -> Int", "3 : Int"),
                Sessions.run(":load " + f, ":type double", ":type fst", ":type Fns.double", "1 + 2").subList(1, 5));
    }

    @Test
    void typeKeepsTheTypeVariablesNothingDetermines() {
        assertEquals(List.of("Nothing : Maybe a", "(Nothing, Left 1) : (Maybe a, Either Int b)", "Just 1 : Maybe Int",
                "Nothing : Maybe ()"), Sessions.run(":type Nothing", ":type (Nothing, Left 1)", ":type Just 1", "Nothing"));
    }
}
