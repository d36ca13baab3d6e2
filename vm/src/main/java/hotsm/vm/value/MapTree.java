package hotsm.vm.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The persistent AVL tree behind {@link Value.MapOf}: immutable nodes, each
 * with its height and size, so an update copies only the path it walks
 * (O(log n) nodes) and {@code size} is O(1). Written here rather than taken
 * from a library because every key comparison must be charged to the step's
 * fuel ({@link Meter}) and the tree must be built from sorted entries in
 * linear time. Recursion is over the tree's height (at most about
 * 1.44 log2 n, under 50 for any map that fits in memory); traversals use an
 * explicit stack.
 */
final class MapTree {
    private MapTree() {}

    /** A node: its entry, its subtrees ({@code null} when empty), height and size. */
    record Node(Value key, Value value, Node left, Node right, int height, int size) {}

    static int size(Node n) { return n == null ? 0 : n.size; }

    private static int height(Node n) { return n == null ? 0 : n.height; }

    private static Node node(Value key, Value value, Node left, Node right) {
        return new Node(key, value, left, right, 1 + Math.max(height(left), height(right)), 1 + size(left) + size(right));
    }

    static Value get(Node n, Value key, Meter meter) {
        while (n != null) {
            int c = ValueOrder.compare(key, n.key, meter);
            if (c == 0) return n.value;
            n = c < 0 ? n.left : n.right;
        }
        return null;
    }

    static Node put(Node n, Value key, Value value, Meter meter) {
        if (n == null) return node(key, value, null, null);
        int c = ValueOrder.compare(key, n.key, meter);
        if (c == 0) return node(key, value, n.left, n.right);
        if (c < 0) return balance(n.key, n.value, put(n.left, key, value, meter), n.right);
        return balance(n.key, n.value, n.left, put(n.right, key, value, meter));
    }

    static Node remove(Node n, Value key, Meter meter) {
        if (n == null) return null;
        int c = ValueOrder.compare(key, n.key, meter);
        if (c < 0) {
            Node left = remove(n.left, key, meter);
            return left == n.left ? n : balance(n.key, n.value, left, n.right);
        }
        if (c > 0) {
            Node right = remove(n.right, key, meter);
            return right == n.right ? n : balance(n.key, n.value, n.left, right);
        }
        if (n.left == null) return n.right;
        if (n.right == null) return n.left;
        Node min = n.right;
        while (min.left != null) min = min.left;
        return balance(min.key, min.value, n.left, removeMin(n.right));
    }

    private static Node removeMin(Node n) {
        if (n.left == null) return n.right;
        return balance(n.key, n.value, removeMin(n.left), n.right);
    }

    /** A node over two subtrees whose heights differ by at most 2, rebalanced by one or two rotations. */
    private static Node balance(Value key, Value value, Node left, Node right) {
        int hl = height(left);
        int hr = height(right);
        if (hl > hr + 1) {
            if (height(left.left) >= height(left.right)) {
                return node(left.key, left.value, left.left, node(key, value, left.right, right));
            }
            Node lr = left.right;
            return node(lr.key, lr.value, node(left.key, left.value, left.left, lr.left), node(key, value, lr.right, right));
        }
        if (hr > hl + 1) {
            if (height(right.right) >= height(right.left)) {
                return node(right.key, right.value, node(key, value, left, right.left), right.right);
            }
            Node rl = right.left;
            return node(rl.key, rl.value, node(key, value, left, rl.left), node(right.key, right.value, rl.right, right.right));
        }
        return node(key, value, left, right);
    }

    /** The entries as pairs, keys ascending, one at a time: an in-order walk with an explicit stack. */
    static java.util.Iterator<Value.Pair> iterator(Node root) {
        return new java.util.Iterator<>() {
            private final Deque<Node> stack = new ArrayDeque<>();
            {
                descend(root);
            }

            private void descend(Node n) {
                while (n != null) {
                    stack.push(n);
                    n = n.left;
                }
            }

            @Override public boolean hasNext() { return !stack.isEmpty(); }

            @Override public Value.Pair next() {
                if (stack.isEmpty()) throw new java.util.NoSuchElementException();
                Node n = stack.pop();
                descend(n.right);
                return new Value.Pair(n.key, n.value);
            }
        };
    }

    /** The entries as pairs, keys ascending (in-order walk with an explicit stack). */
    static List<Value.Pair> entries(Node root) {
        List<Value.Pair> out = new ArrayList<>(size(root));
        Deque<Node> stack = new ArrayDeque<>();
        Node n = root;
        while (n != null || !stack.isEmpty()) {
            while (n != null) {
                stack.push(n);
                n = n.left;
            }
            n = stack.pop();
            out.add(new Value.Pair(n.key, n.value));
            n = n.right;
        }
        return out;
    }

    /**
     * The tree of {@code entries} (pairs, any order; a later duplicate key
     * wins): a stable sort by key (n log n comparisons), the last of each run
     * of equal keys kept, then a perfectly balanced tree built in linear time.
     */
    static Node fromEntries(List<? extends Value> entries, Meter meter) {
        List<Value.Pair> sorted = new ArrayList<>(entries.size());
        for (Value e : entries) sorted.add((Value.Pair) e);
        sorted.sort((a, b) -> ValueOrder.compare(a.first(), b.first(), meter));
        List<Value.Pair> unique = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean lastOfRun = i + 1 == sorted.size()
                    || ValueOrder.compare(sorted.get(i).first(), sorted.get(i + 1).first(), meter) != 0;
            if (lastOfRun) unique.add(sorted.get(i));
        }
        return build(unique, 0, unique.size());
    }

    /**
     * The tree of entries already strictly ascending by key (as a decoder
     * reads them): linear.
     *
     * @throws IllegalArgumentException naming the first entry out of order
     */
    static Node fromAscending(List<Value.Pair> entries) {
        for (int i = 1; i < entries.size(); i++) {
            if (ValueOrder.compare(entries.get(i - 1).first(), entries.get(i).first(), Meter.FREE) >= 0) {
                throw new IllegalArgumentException("map keys are not strictly ascending at entry " + i);
            }
        }
        return build(entries, 0, entries.size());
    }

    private static Node build(List<Value.Pair> entries, int from, int to) {
        if (from >= to) return null;
        int mid = (from + to) >>> 1;
        Value.Pair e = entries.get(mid);
        return node(e.first(), e.second(), build(entries, from, mid), build(entries, mid + 1, to));
    }
}
