package com.webexqoe.core.score;

import java.util.ArrayList;
import java.util.List;

/**
 * "Where is the problem" (docs/behaviour.md#core-where): one line naming the likely place — Webex service, internet
 * path, home, or none — with the evidence named. Pure.
 *
 * <p>Order of the places: an unresolved Cisco incident is the strongest evidence (Cisco says so),
 * then a ThousandEyes alert on the path to Webex (measured from outside the home), then the
 * user's own poor streams, then many negative posts (people complain, nothing measured).
 */
public final class ProblemLocator {

    public enum Place {
        WEBEX_SERVICE("Webex service"), INTERNET_PATH("internet path"), HOME("home"), NONE("none");

        private final String text;

        Place(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The line is {@code headline + evidence}; the page shows the headline in bold. */
    public record Location(Place place, String headline, String evidence) {

        public String line() {
            return headline + evidence;
        }
    }

    private ProblemLocator() {
    }

    public static Location locate(HealthScore.Score score, HomeAssessment.Verdict home, List<String> withoutFreshData) {
        return locate(score, home, withoutFreshData, List.of());
    }

    /**
     * @param degraded components Cisco lists as not operational: shown, never scored; when nothing else
     *                 was found they are the place named, so that the line agrees with the headline
     *                 (docs/behaviour.md#core-headline)
     */
    public static Location locate(HealthScore.Score score, HomeAssessment.Verdict home, List<String> withoutFreshData,
                                  List<String> degraded) {
        List<Place> places = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        if (score.service().value().signum() < 0) {
            places.add(Place.WEBEX_SERVICE);
            evidence.add("Cisco status " + score.service().evidence().get(0));
        }
        if (score.path().value().signum() < 0) {
            places.add(Place.INTERNET_PATH);
            evidence.add("ThousandEyes " + score.path().evidence().get(0));
        }
        if (home.warning()) {
            places.add(Place.HOME);
            evidence.add(String.join(", ", home.poor()));
        }
        if (score.social().warning()) {
            if (!places.contains(Place.WEBEX_SERVICE)) {
                places.add(Place.WEBEX_SERVICE);
            }
            evidence.add(score.social().evidence().get(0));
        }
        String unchecked = withoutFreshData.isEmpty() ? "" : " (no fresh data from " + String.join(", ", withoutFreshData) + ")";
        if (places.isEmpty() && !degraded.isEmpty()) {
            return new Location(Place.WEBEX_SERVICE, "Where is the problem: Webex service (not scored)", " — Cisco status API "
                    + "lists " + String.join(", ", degraded) + " as not operational, with no open incident" + unchecked);
        }
        if (places.isEmpty()) {
            return new Location(Place.NONE, "Where is the problem: none found", " — no open Cisco incident, no ThousandEyes "
                    + "alert in the last hour, no poor stream at home, no wave of negative posts" + unchecked);
        }
        StringBuilder line = new StringBuilder("Where is the problem: ").append(places.get(0).text());
        if (places.size() > 1) {
            line.append(" (also ");
            line.append(String.join(", ", places.subList(1, places.size()).stream().map(Place::text).toList()));
            line.append(")");
        }
        return new Location(places.get(0), line.toString(), " — " + String.join("; ", evidence) + unchecked);
    }
}
