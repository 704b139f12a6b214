package com.webexqoe.core.score;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table from Webex meeting server regions to the status page's region names
 * (docs/behaviour.md#core-regions). The meeting-quality record's {@code serverRegion} reads like
 * {@code "Tokyo, Japan"}: its city (before the comma) is looked up here. A city not in the table
 * is "not matched" — never guessed from the country or the time zone.
 */
public final class ServerRegions {

    public static final String APAC = "APAC";
    public static final String EMEA = "EMEA";
    public static final String AMER = "AMER";

    /** City → the status page's region. Extend here, and in docs/behaviour.md#core-regions. */
    static final Map<String, String> CITIES = cities();

    /** Words a status text uses for each region (status.webex.com writes "APAC", "AP cluster", "EU", "NA"…). */
    static final Map<String, List<String>> ALIASES = Map.of(
            APAC, List.of("APAC", "AP", "Asia", "Asia Pacific", "Japan", "Australia", "India"),
            EMEA, List.of("EMEA", "EU", "Europe", "UK"),
            AMER, List.of("AMER", "NA", "US", "North America", "Americas", "Canada"));

    private ServerRegions() {
    }

    private static Map<String, String> cities() {
        Map<String, String> cities = new LinkedHashMap<>();
        for (String city : List.of("Tokyo", "Osaka", "Singapore", "Sydney", "Melbourne", "Hong Kong", "Mumbai", "Chennai",
                "Bangalore", "Seoul")) {
            cities.put(city, APAC);
        }
        for (String city : List.of("London", "Amsterdam", "Frankfurt", "Dublin", "Paris", "Milan", "Stockholm", "Madrid")) {
            cities.put(city, EMEA);
        }
        for (String city : List.of("San Jose", "Dallas", "Chicago", "New York", "Ashburn", "Virginia", "Toronto", "Sao Paulo")) {
            cities.put(city, AMER);
        }
        return Map.copyOf(cities);
    }

    /** The status page's region of a meeting {@code serverRegion} ("Tokyo, Japan" → APAC); empty when its city is not in the table. */
    public static Optional<String> regionOf(String serverRegion) {
        if (serverRegion == null || serverRegion.isBlank()) {
            return Optional.empty();
        }
        String city = serverRegion.split(",", 2)[0].trim();
        return CITIES.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(city)).map(Map.Entry::getValue).findFirst();
    }

    /** The regions a status text names, as whole words: a region word, an alias, or a city of the table. */
    public static Set<String> regionsNamedIn(List<String> texts) {
        Set<String> regions = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String region : List.of(APAC, EMEA, AMER)) {
                for (String alias : ALIASES.get(region)) {
                    // the short aliases only in capitals ("AP cluster", "NA"), so "na" or "us" in a sentence never count
                    boolean caseSensitive = alias.length() <= 2;
                    if (word(alias, caseSensitive).matcher(text).find()) {
                        regions.add(region);
                    }
                }
            }
            CITIES.forEach((city, region) -> {
                if (word(city, false).matcher(text).find()) {
                    regions.add(region);
                }
            });
        }
        return regions;
    }

    private static Pattern word(String word, boolean caseSensitive) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** How a status item's region relates to the user's meeting region, as the page says it. */
    public record Match(Set<String> named, String text, boolean yours) {
    }

    /**
     * @return empty when the texts name no region; else whether it is the user's: "matches your meeting
     *         region (Tokyo, Japan → APAC)", "not your region (yours: EMEA)", or "not matched" when the
     *         user's server region is unknown or not in the table
     */
    public static Optional<Match> match(List<String> texts, Optional<String> serverRegion) {
        Set<String> named = regionsNamedIn(texts);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> yours = serverRegion.flatMap(ServerRegions::regionOf);
        if (yours.isEmpty()) {
            return Optional.of(new Match(named, "not matched (" + serverRegion.filter(r -> !r.isBlank())
                    .map(r -> "\"" + r + "\" is not in the region table").orElse("no meeting server region known") + ")", false));
        }
        if (named.contains(yours.get())) {
            return Optional.of(new Match(named, "matches your meeting region (" + serverRegion.get().trim() + " → " + yours.get() + ")", true));
        }
        return Optional.of(new Match(named, "not your region (yours: " + yours.get() + ")", false));
    }

    static String describe(Set<String> regions) {
        return String.join(", ", regions).toUpperCase(Locale.ROOT);
    }
}
