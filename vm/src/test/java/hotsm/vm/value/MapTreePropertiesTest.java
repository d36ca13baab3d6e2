package hotsm.vm.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The persistent AVL map agrees with java.util.TreeMap under random inserts and deletes, and stays balanced. */
class MapTreePropertiesTest {

    @Property(tries = 200)
    void agreesWithTreeMapAndStaysBalanced(@ForAll long seed) {
        Random r = new Random(seed);
        TreeMap<Long, Long> model = new TreeMap<>();
        Value.MapOf map = Value.EMPTY_MAP;
        List<Value.MapOf> versions = new ArrayList<>();
        List<Map<Long, Long>> snapshots = new ArrayList<>();
        int ops = 1 + r.nextInt(400);
        for (int i = 0; i < ops; i++) {
            long key = r.nextInt(60);
            if (r.nextInt(3) == 0) {
                map = map.remove(Value.of(key), Meter.FREE);
                model.remove(key);
            } else {
                long value = r.nextLong();
                map = map.put(Value.of(key), Value.of(value), Meter.FREE);
                model.put(key, value);
            }
            if (r.nextInt(20) == 0) {
                versions.add(map);
                snapshots.add(new TreeMap<>(model));
            }
        }
        check(map, model);
        for (int i = 0; i < versions.size(); i++) check(versions.get(i), snapshots.get(i)); // older versions unchanged
    }

    private static void check(Value.MapOf map, Map<Long, Long> model) {
        assertEquals(model.size(), map.size());
        List<Value.Pair> entries = map.entries();
        int i = 0;
        for (Map.Entry<Long, Long> e : model.entrySet()) {
            assertEquals(Value.pair(Value.of(e.getKey()), Value.of(e.getValue())), entries.get(i++));
            assertEquals(Value.of(e.getValue()), map.get(Value.of(e.getKey()), Meter.FREE));
        }
        assertTrue(height(map.root) <= 1.45 * (Math.log(model.size() + 2) / Math.log(2)) + 1, "unbalanced");
        balanced(map.root);
    }

    private static int height(MapTree.Node n) { return n == null ? 0 : n.height(); }

    private static void balanced(MapTree.Node n) {
        if (n == null) return;
        assertTrue(Math.abs(height(n.left()) - height(n.right())) <= 1);
        assertEquals(1 + Math.max(height(n.left()), height(n.right())), n.height());
        assertEquals(1 + MapTree.size(n.left()) + MapTree.size(n.right()), n.size());
        balanced(n.left());
        balanced(n.right());
    }
}
