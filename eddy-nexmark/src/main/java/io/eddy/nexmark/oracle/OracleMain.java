package io.eddy.nexmark.oracle;

import io.eddy.nexmark.json.EventJsonReader;
import io.eddy.nexmark.model.Event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the oracle's CSV result of a query over a JSON-lines input, so the output of
 * {@code ./eddy nexmark --input FILE --output FILE} can be diffed against it:
 * {@code OracleMain <query 0..22> <input.jsonl> <expected.csv> [side_input.csv]}.
 */
public final class OracleMain {

    private OracleMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: OracleMain <query 0..22> <input.jsonl> <expected.csv> [side_input.csv]");
            System.exit(2);
        }
        int query = Integer.parseInt(args[0].startsWith("q") ? args[0].substring(1) : args[0]);
        List<Event> events = EventJsonReader.readAll(Path.of(args[1]));
        SideInput sideInput = args.length > 3 ? SideInput.readCsv(Path.of(args[3])) : SideInput.standard();
        NexmarkOracle.run(query, events, sideInput).writeCsv(Path.of(args[2]));
    }
}
