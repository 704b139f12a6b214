package com.webexqoe.core.page;

import java.util.List;
import java.util.Map;

/**
 * What the template shows, typed: every value already worded and formatted by
 * {@link DashboardPage}, so the template only places text (and escapes it). A component that is
 * {@code null} is not shown ({@code th:if}). The component names are the names the template uses.
 */
public record PageModel(int refreshSeconds, String contentSecurityPolicy, String banner, String updated,
                        Map<String, String> asset, Score score, HeadlineLine headline, Where where,
                        List<SourceLine> assessments, History history, List<GraphTest> graphTests, String cloudWatch,
                        Trend trend, Quality quality, Statuses statuses, Cisco cisco, Posts posts, List<String> unreadable) {

    /** How fresh a section's data is: "updated …" or "no data", and the stale mark. */
    public record FreshnessLine(String text, boolean stale, boolean noData, String staleText) {
    }

    public record Score(String health, String icon, String iconLabel, String iconClass, boolean fine, String verdict,
                        String formula, String rule, List<Term> components, String withoutFresh) {
    }

    /** One of T, N, S with its value and evidence. */
    public record Term(String symbol, String name, String value, List<String> evidence, boolean warning) {
    }

    public record HeadlineLine(String text, boolean ok, String state) {
    }

    public record Where(String headline, String evidence, String place, boolean warning) {
    }

    /** One of the four assessment lines (social, path, service, home). */
    public record SourceLine(String key, String title, String text, boolean warning, FreshnessLine freshness) {
    }

    public record History(String zone, String threshold) {
    }

    public record GraphTest(String key, String label, String file) {
    }

    public record Trend(int points, FreshnessLine freshness, FreshnessLine alerts) {
    }

    public record Quality(String verdict, boolean warning, FreshnessLine freshness, boolean hasData, List<String> columns,
                          String network, String email, String serverRegion, String mos, List<QualityRow> rows) {
    }

    public record QualityRow(String name, List<String> cells) {
    }

    public record Statuses(List<StatusRow> rows, FreshnessLine freshness) {
    }

    public record StatusRow(String title, String status, String href, String published, boolean open, String region,
                            boolean yours) {
    }

    public record Posts(List<PostRow> rows, FreshnessLine freshness, List<String> notices) {
    }

    public record PostRow(String time, String text, String sentiment, String sentimentClass, String effect) {
    }

    public record Cisco(boolean hasApi, String indicator, boolean indicatorOk, List<CiscoComponent> components,
                        List<CiscoEvent> incidents, List<CiscoEvent> maintenances) {
    }

    public record CiscoComponent(String name, String group, String status, String region, boolean yours) {
    }

    /** An incident or a maintenance ({@code window} only for a maintenance). */
    public record CiscoEvent(String name, String href, String status, boolean open, String impact, String components,
                             String updated, String window, String region, boolean yours) {
    }
}
