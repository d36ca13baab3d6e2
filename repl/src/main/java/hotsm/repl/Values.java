package hotsm.repl;

import hotsm.vm.types.TypeDesc;
import hotsm.vm.types.TypeText;
import hotsm.vm.value.Value;
import hotsm.vm.value.ValueParser;
import hotsm.vm.value.ValuePrinter;
import hotsm.vm.value.ValueSyntaxException;

/** Typed values in source syntax, with read errors turned into caret errors. */
final class Values {
    private Values() {}

    /** Reads {@code text} as a value of {@code type}; a mistake points at its column and names the type. */
    static Value parse(TypeDesc type, String text) throws ReplError {
        try {
            return ValueParser.parse(type, text);
        } catch (ValueSyntaxException e) {
            String name = type instanceof TypeDesc.Data d ? d.name() : type.toString();
            String message = e.getMessage().contains(name) ? e.getMessage()
                    : e.getMessage() + " (expected " + TypeText.inline(type) + ")";
            throw ReplError.at(text, e.column(), message);
        }
    }

    static String print(TypeDesc type, Value value) { return ValuePrinter.print(type, value); }
}
