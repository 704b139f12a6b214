package com.webexqoe.common.log;

import com.webexqoe.common.json.JsonText;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object a line, the shape of Lambda's JSON log format ({@code timestamp},
 * {@code level}, {@code message}, {@code requestId}) plus the function, the source and the
 * figures of the run. Callers pass counts, names and durations; never a secret or a
 * token-bearing URL.
 */
public final class JsonLog {

    private final String function;
    private final PrintStream out;
    private final Clock clock;
    private final String requestId;

    private JsonLog(String function, PrintStream out, Clock clock, String requestId) {
        this.function = function;
        this.out = out;
        this.clock = clock;
        this.requestId = requestId;
    }

    public JsonLog(String function, PrintStream out, Clock clock) {
        this(function, out, clock, null);
    }

    public JsonLog(String function) {
        this(function, System.out, Clock.systemUTC());
    }

    /** The same log with every line carrying the invocation's request id (Lambda's {@code requestId}). */
    public JsonLog withRequestId(String id) {
        return new JsonLog(function, out, clock, id);
    }

    public String function() {
        return function;
    }

    public Clock clock() {
        return clock;
    }

    /** @param fields alternating names and values: strings, numbers, booleans */
    public void info(String message, Object... fields) {
        write("INFO", message, fields);
    }

    public void warn(String message, Object... fields) {
        write("WARN", message, fields);
    }

    public void error(String message, Object... fields) {
        write("ERROR", message, fields);
    }

    public void info(String message, Map<String, ?> fields) {
        write("INFO", message, pairs(fields));
    }

    public void error(String message, Map<String, ?> fields) {
        write("ERROR", message, pairs(fields));
    }

    private static Object[] pairs(Map<String, ?> fields) {
        Object[] pairs = new Object[fields.size() * 2];
        int i = 0;
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            pairs[i++] = field.getKey();
            pairs[i++] = field.getValue();
        }
        return pairs;
    }

    private void write(String level, String message, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in name/value pairs");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("function", function);
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("message", message);
        for (int i = 0; i < fields.length; i += 2) {
            line.put(String.valueOf(fields[i]), fields[i + 1]);
        }
        String text = JsonText.object(line);
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
