package hotsm.vm.value;

/**
 * A run-time value in the erased representation (LANGUAGE.md §4): what the
 * CAM computes with and what travels on the wire. Names come back only when a
 * value is printed against a {@link hotsm.vm.types.TypeDesc}. Every case's
 * {@code toString} is {@link ValuePrinter#printErased(Value)}, the one printer
 * of erased values ({@code inl (inr ())}, {@code (1, "x")}).
 */
public sealed interface Value {

    /** {@code ()}. */
    record Unit() implements Value {
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    record Int(long value) implements Value {
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    record Str(String value) implements Value {
        public Str { java.util.Objects.requireNonNull(value); }
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    record Pair(Value first, Value second) implements Value {
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    /** The left injection into a sum. */
    record Inl(Value value) implements Value {
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    /** The right injection into a sum. */
    record Inr(Value value) implements Value {
        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    /**
     * {@code List a}: a cons cell with its length cached, so cons, uncons and
     * length are O(1); {@link #NIL} is the empty list. Equality, hashing and
     * printing walk the spine in a loop (a list may hold millions of elements).
     *
     * @param head the first element ({@code null} only in the empty list)
     * @param tail the rest ({@code null} only in the empty list)
     * @param size the number of elements
     */
    record ListOf(Value head, ListOf tail, int size) implements Value, Iterable<Value> {
        public ListOf {
            if (tail == null ? head != null || size != 0 : head == null || size != tail.size + 1) {
                throw new IllegalArgumentException("malformed list cell");
            }
        }

        /** {@code x :: this}. */
        public ListOf cons(Value x) {
            if (size == Integer.MAX_VALUE) throw new IllegalStateException("list too long");
            return new ListOf(java.util.Objects.requireNonNull(x), this, size + 1);
        }

        public boolean isEmpty() { return size == 0; }

        /** The list of {@code elements}, in order. */
        public static ListOf of(java.util.List<? extends Value> elements) {
            ListOf l = NIL;
            for (int i = elements.size() - 1; i >= 0; i--) l = l.cons(elements.get(i));
            return l;
        }

        /** The elements as a Java list. */
        public java.util.List<Value> toList() {
            java.util.List<Value> out = new java.util.ArrayList<>(size);
            for (Value v : this) out.add(v);
            return out;
        }

        @Override public java.util.Iterator<Value> iterator() {
            return new java.util.Iterator<>() {
                private ListOf at = ListOf.this;
                @Override public boolean hasNext() { return at.size > 0; }
                @Override public Value next() {
                    if (at.size == 0) throw new java.util.NoSuchElementException();
                    Value v = at.head;
                    at = at.tail;
                    return v;
                }
            };
        }

        @Override public boolean equals(Object o) {
            if (!(o instanceof ListOf other) || other.size != size) return false;
            ListOf a = this;
            ListOf b = other;
            while (a != b && a.size > 0) {
                if (!a.head.equals(b.head)) return false;
                a = a.tail;
                b = b.tail;
            }
            return true;
        }

        @Override public int hashCode() {
            int h = 1;
            for (Value v : this) h = 31 * h + v.hashCode();
            return h;
        }

        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    /**
     * {@code Map k v}: a persistent balanced search tree ordered by
     * {@link ValueOrder}; lookups and updates are O(log n) comparisons and
     * share the untouched parts of the tree. Equality and hashing are over the
     * ascending (key, value) entries, in a loop.
     */
    final class MapOf implements Value {
        final MapTree.Node root;

        MapOf(MapTree.Node root) { this.root = root; }

        /** The number of entries, O(1). */
        public int size() { return MapTree.size(root); }

        public boolean isEmpty() { return root == null; }

        /** The value at {@code key}, or {@code null}; each key comparison is charged to {@code meter}. */
        public Value get(Value key, Meter meter) { return MapTree.get(root, key, meter); }

        /** This map with {@code key} bound to {@code value}. */
        public MapOf put(Value key, Value value, Meter meter) { return new MapOf(MapTree.put(root, key, value, meter)); }

        /** This map without {@code key}. */
        public MapOf remove(Value key, Meter meter) { return new MapOf(MapTree.remove(root, key, meter)); }

        /** The entries as pairs {@code (key, value)}, keys ascending. */
        public java.util.List<Pair> entries() { return MapTree.entries(root); }

        /** The entries one at a time, keys ascending (no copy: comparing two maps stops at the first difference). */
        public java.util.Iterator<Pair> iterator() { return MapTree.iterator(root); }

        /** The map of {@code entries} (pairs {@code (key, value)}, in any order; a later duplicate key wins). */
        public static MapOf of(java.util.List<? extends Value> entries, Meter meter) {
            return new MapOf(MapTree.fromEntries(entries, meter));
        }

        /**
         * The map of entries already strictly ascending by key (the canonical
         * encoding), in linear time.
         *
         * @throws IllegalArgumentException naming the first entry out of order
         */
        public static MapOf ofAscending(java.util.List<Pair> entries) {
            return new MapOf(MapTree.fromAscending(entries));
        }

        @Override public boolean equals(Object o) {
            return o instanceof MapOf m && size() == m.size() && entries().equals(m.entries());
        }

        @Override public int hashCode() { return entries().hashCode(); }

        @Override public String toString() { return ValuePrinter.printErased(this); }
    }

    Value UNIT = new Unit();
    Value FALSE = new Inl(UNIT);
    Value TRUE = new Inr(UNIT);

    static Value bool(boolean b) { return b ? TRUE : FALSE; }

    static Value of(long n) { return new Int(n); }

    static Value of(String s) { return new Str(s); }

    static Value pair(Value a, Value b) { return new Pair(a, b); }

    /** The empty list. */
    ListOf NIL = new ListOf(null, null, 0);

    /** The empty map. */
    MapOf EMPTY_MAP = new MapOf(null);
}
