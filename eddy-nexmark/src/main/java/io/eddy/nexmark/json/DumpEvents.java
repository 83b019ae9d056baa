package io.eddy.nexmark.json;

import io.eddy.nexmark.generator.NexmarkConfig;
import io.eddy.nexmark.generator.NexmarkGenerator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes generated events as a JSON-lines file, to make {@code --input} files and test inputs:
 * {@code java -cp eddy-nexmark/target/classes:<jackson-core.jar> io.eddy.nexmark.json.DumpEvents
 * <events> <file.jsonl> [seed] [eventsPerSecond]}. The file appears whole (written under a
 * temporary name, then moved).
 */
public final class DumpEvents {

    private DumpEvents() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: DumpEvents <events> <file.jsonl> [seed] [eventsPerSecond]");
            System.exit(2);
        }
        long count = Long.parseLong(args[0]);
        NexmarkConfig.Builder config = NexmarkConfig.builder();
        if (args.length > 2) {
            config.seed(Long.parseLong(args[2]));
        }
        if (args.length > 3) {
            config.eventsPerSecond(Double.parseDouble(args[3]));
        }
        NexmarkGenerator generator = new NexmarkGenerator(config.build());
        long start = System.nanoTime();
        EventJsonWriter.writeAll(Path.of(args[1]), generator.events(0, count));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d events written to %s in %.2f s (%,.0f events/s)%n", count, args[1], seconds,
                count / seconds);
    }
}
