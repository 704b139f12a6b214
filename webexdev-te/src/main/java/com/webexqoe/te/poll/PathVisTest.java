package com.webexqoe.te.poll;

import com.webexqoe.common.config.EnvVars;

/** The three path visualisation tests and the graph file each one feeds (docs/behaviour.md#te-poll). */
public enum PathVisTest {
    /** Multimedia Platform: the file the dashboard draws first, and the day's raw file. */
    MMP("MMP", EnvVars.API_URL_MMP, "resource.json"),
    /** Web Zone. */
    WZ("WZ", EnvVars.API_URL_WZ, "resource-wz.json"),
    /** Collaboration Bridge (the original's variable name is API_URL_CD, its file resource-cb.json). */
    CB("CB", EnvVars.API_URL_CD, "resource-cb.json");

    private final String label;
    private final String variable;
    private final String fileKey;

    PathVisTest(String label, String variable, String fileKey) {
        this.label = label;
        this.variable = variable;
        this.fileKey = fileKey;
    }

    public String label() {
        return label;
    }

    public String variable() {
        return variable;
    }

    public String fileKey() {
        return fileKey;
    }

    /** How messages and log lines name the test: "MMP path-vis (API_URL_MMP)". */
    public String source() {
        return label + " path-vis (" + variable + ")";
    }
}
