package io.eddy.nexmark.queries;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of the DataStream implementations of Nexmark q0..q22, by name ("q5"). */
public final class Queries {

    private static final List<NexmarkQuery> ALL = List.of(new Q0(), new Q1(), new Q2(), new Q3(), new Q4(), new Q5(),
            new Q6(), new Q7(), new Q8(), new Q9(), new Q10(), new Q11(), new Q12(), new Q13(), new Q14(), new Q15(),
            new Q16(), new Q17(), new Q18(), new Q19(), new Q20(), new Q21(), new Q22());

    private static final Map<String, NexmarkQuery> BY_NAME =
            ALL.stream().collect(Collectors.toMap(NexmarkQuery::name, Function.identity()));

    private Queries() {
    }

    /** Every query, q0 first. */
    public static List<NexmarkQuery> all() {
        return ALL;
    }

    /**
     * The query called {@code name} (case-insensitive, e.g. "q5" or "Q5").
     *
     * @throws IllegalArgumentException naming the valid names if there is none
     */
    public static NexmarkQuery byName(String name) {
        NexmarkQuery query = name == null ? null : BY_NAME.get(name.toLowerCase(java.util.Locale.ROOT));
        if (query == null) {
            throw new IllegalArgumentException("unknown Nexmark query '" + name + "'; valid names: "
                    + ALL.stream().map(NexmarkQuery::name).collect(Collectors.joining(", ")));
        }
        return query;
    }
}
