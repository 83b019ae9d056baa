package io.eddy.bench.flink;

import org.apache.flink.table.functions.ScalarFunction;

/** q14's UDF: how many times the first character of {@code c} occurs in {@code s}. */
public class CountChar extends ScalarFunction {
    private static final long serialVersionUID = 1L;

    public long eval(String s, String c) {
        if (s == null || c == null || c.isEmpty()) {
            return 0;
        }
        char ch = c.charAt(0);
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ch) {
                n++;
            }
        }
        return n;
    }
}
