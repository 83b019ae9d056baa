package io.eddy.nexmark.generator;

/**
 * The bid channels and their fixed URLs: 4 hot channels (Google, Facebook, Baidu, Apple) and
 * 10,000 others named {@code channel-N}, 9 in 10 of whose URLs end with
 * {@code &channel_id=<number>}. Built once from the seed, so a channel's URL is the same in
 * every event, every run and every parallel source. Immutable after construction.
 */
final class Channels {

    static final int NUM_CHANNELS = 10_000;
    private static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};

    private final String[] hotUrls = new String[HOT_CHANNELS.length];
    private final String[] names = new String[NUM_CHANNELS];
    private final String[] urls = new String[NUM_CHANNELS];

    Channels(long seed) {
        for (int i = 0; i < HOT_CHANNELS.length; i++) {
            hotUrls[i] = baseUrl(new EventRandom(seed, -2 - i));
        }
        for (int n = 0; n < NUM_CHANNELS; n++) {
            EventRandom random = new EventRandom(seed, -10 - n);
            String url = baseUrl(random);
            if (random.nextInt(10) > 0) {
                url = url + "&channel_id=" + Math.abs(Integer.reverse(n));
            }
            names[n] = "channel-" + n;
            urls[n] = url;
        }
    }

    static int hotCount() {
        return HOT_CHANNELS.length;
    }

    static String hotName(int i) {
        return HOT_CHANNELS[i];
    }

    String hotUrl(int i) {
        return hotUrls[i];
    }

    String name(int n) {
        return names[n];
    }

    String url(int n) {
        return urls[n];
    }

    private static String baseUrl(EventRandom random) {
        return "https://www.nexmark.com/" + Text.randomString(random, 5, '_') + '/'
                + Text.randomString(random, 5, '_') + '/' + Text.randomString(random, 5, '_')
                + "/item.htm?query=1";
    }
}
