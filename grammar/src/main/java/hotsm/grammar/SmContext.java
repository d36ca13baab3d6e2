package hotsm.grammar;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The superclass of {@link SmParser}'s parse-tree nodes (the grammar's
 * {@code contextSuperClass}): a node's list of children starts at the size
 * most nodes keep (one to three), where ANTLR's own starts at ten (56 bytes where
 * three take 32, for every node of every parse). Nothing else differs.
 */
public class SmContext extends ParserRuleContext {
    public SmContext() {}

    public SmContext(ParserRuleContext parent, int invokingStateNumber) { super(parent, invokingStateNumber); }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) children = new java.util.ArrayList<>(3);
        children.add(t);
        return t;
    }
}
