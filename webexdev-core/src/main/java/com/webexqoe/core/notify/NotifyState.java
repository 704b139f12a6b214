package com.webexqoe.core.notify;

import com.webexqoe.core.score.Assessment;
import com.webexqoe.core.score.ProblemLocator;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification reports (docs/behaviour.md#core-notify): the verdict by the score rule and
 * the "where" location. (fine, none) is "working fine"; (fine, a located problem) is "mostly
 * working", a state of its own; not fine is a problem wherever it is located.
 */
public record NotifyState(boolean fine, ProblemLocator.Place place) {

    public static NotifyState of(Assessment assessment) {
        return new NotifyState(assessment.fine(), assessment.place());
    }

    /** Anything but (fine, none). */
    public boolean problem() {
        return !fine || place != ProblemLocator.Place.NONE;
    }

    /** How the state is stored: {@code fine:none}, {@code not-fine:internet-path}, … */
    public String key() {
        return (fine ? "fine" : "not-fine") + ":" + place.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<NotifyState> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String verdict = key.substring(0, colon);
        if (!verdict.equals("fine") && !verdict.equals("not-fine")) {
            return Optional.empty();
        }
        try {
            ProblemLocator.Place place = ProblemLocator.Place.valueOf(key.substring(colon + 1).toUpperCase(Locale.ROOT).replace('-', '_'));
            return Optional.of(new NotifyState(verdict.equals("fine"), place));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The verdict line a message leads with. */
    public String headline() {
        if (!fine) {
            return "Webex may not be working properly";
        }
        return place == ProblemLocator.Place.NONE ? "Webex seems to be working fine"
                : "Webex is mostly working, with a problem located in the " + place.text();
    }
}
