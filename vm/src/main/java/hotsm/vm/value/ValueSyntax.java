package hotsm.vm.value;

import java.util.List;

/**
 * The untyped syntax tree of a value as written, before {@link ValueParser}
 * checks it against a type. Each node keeps where it starts and ends in the
 * text, so errors can quote what the user wrote.
 */
sealed interface ValueSyntax {
    int start();

    int end();

    /** {@code ()}. */
    record UnitLit(int start, int end) implements ValueSyntax {}

    /** {@code 42}, {@code -3}. */
    record IntLit(int start, int end, long value) implements ValueSyntax {}

    /** {@code "a\"b"}, already unescaped. */
    record StrLit(int start, int end, String value) implements ValueSyntax {}

    /** {@code (a, b, ...)}, two or more components. */
    record TupleLit(int start, int end, List<ValueSyntax> components) implements ValueSyntax {
        public TupleLit { components = List.copyOf(components); }
    }

    /** {@code Name arg ...}; {@code name} is the last segment of a qualified name. */
    record CtorApp(int start, int end, String name, List<ValueSyntax> arguments) implements ValueSyntax {
        public CtorApp { arguments = List.copyOf(arguments); }
    }

    /** {@code [a, b, ...]}, zero or more elements. */
    record ListLit(int start, int end, List<ValueSyntax> elements) implements ValueSyntax {
        public ListLit { elements = List.copyOf(elements); }
    }

    /** {@code Map.fromList [(k, v), ...]} (or {@code Map.empty}): the list's elements. */
    record MapLit(int start, int end, List<ValueSyntax> entries) implements ValueSyntax {
        public MapLit { entries = List.copyOf(entries); }
    }

    /** {@code Name { f = v, ... }}: the fields as written, in the order written. */
    record RecordLit(int start, int end, String name, List<Field> fields) implements ValueSyntax {
        public RecordLit { fields = List.copyOf(fields); }
    }

    /** {@code f = v} in a record, with where the name starts. */
    record Field(int start, String name, ValueSyntax value) {}
}
