package io.eddy.nexmark.generator;

import io.eddy.nexmark.model.Event;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Iterator;

/**
 * Measures the generator's raw single-thread rate (events/s), for docs/BENCHMARKS.md.
 * Prints the wall-clock rate and the rate per CPU-second of the generating thread (the latter
 * is what a core delivers when the machine is shared). Not a test: timing is
 * machine-dependent. Usage:
 * {@code java -cp eddy-nexmark/target/classes io.eddy.nexmark.generator.GeneratorThroughput [events] [rounds]}.
 */
public final class GeneratorThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GeneratorThroughput() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        NexmarkGenerator generator = new NexmarkGenerator(NexmarkConfig.builder().seed(42).build());
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long checksum = 0;
            for (Iterator<Event> it = generator.events(0, events); it.hasNext(); ) {
                // touch a string of every event so no allocation can be optimized away
                checksum += switch (it.next()) {
                    case io.eddy.nexmark.model.Person p -> p.extra().length();
                    case io.eddy.nexmark.model.Auction a -> a.extra().length();
                    case io.eddy.nexmark.model.Bid b -> b.extra().length() + b.url().length();
                };
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("round %d: %,d events in %.2f s = %,.0f events/s wall, %,.0f events/s per CPU-second"
                    + " (checksum %d)%n", round, events, seconds, events / seconds, events / cpuSeconds, checksum);
        }
    }
}
