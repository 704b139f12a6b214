package com.webexqoe.common.log;

import com.webexqoe.common.json.JsonText;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object a line, the shape of Lambda's JSON log format ({@code timestamp},
 * {@code level}, {@code message}) plus the function, the source and the figures of the run.
 * Callers pass counts, names and durations; never a secret or a token-bearing URL.
 */
public final class JsonLog {

    private final String function;
    private final PrintStream out;
    private final Clock clock;

    public JsonLog(String function, PrintStream out, Clock clock) {
        this.function = function;
        this.out = out;
        this.clock = clock;
    }

    public JsonLog(String function) {
        this(function, System.out, Clock.systemUTC());
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

    private void write(String level, String message, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("log fields come in name/value pairs");
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("function", function);
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
