package com.webexqoe.core.score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRegionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tokyo, Japan|APAC", "Singapore, Singapore|APAC", "Sydney, Australia|APAC", "tokyo|APAC",
            "London, United Kingdom|EMEA", "Frankfurt, Germany|EMEA", "Dallas, USA|AMER", "San Jose, USA|AMER"})
    void theCityBeforeTheCommaIsLookedUp(String serverRegion, String region) {
        assertThat(ServerRegions.regionOf(serverRegion)).contains(region);
    }

    @Test
    void aCityNotInTheTableIsNeverGuessed() {
        assertThat(ServerRegions.regionOf("Kyoto, Japan")).isEmpty();
        assertThat(ServerRegions.regionOf("")).isEmpty();
        assertThat(ServerRegions.match(List.of("Webex Meetings - APAC"), Optional.of("Kyoto, Japan")))
                .hasValueSatisfying(m -> {
                    assertThat(m.text()).isEqualTo("not matched (\"Kyoto, Japan\" is not in the region table)");
                    assertThat(m.yours()).isFalse();
                });
        assertThat(ServerRegions.match(List.of("APAC"), Optional.empty()).orElseThrow().text())
                .isEqualTo("not matched (no meeting server region known)");
    }

    @Test
    void statusTextsNameRegionsByWordAliasOrCity() {
        assertThat(ServerRegions.regionsNamedIn(List.of("Users may be unable to join meetings on the AP cluster"))).containsExactly("APAC");
        assertThat(ServerRegions.regionsNamedIn(List.of("Scheduled maintenance - Webex Calling London"))).containsExactly("EMEA");
        assertThat(ServerRegions.regionsNamedIn(List.of("Audio and video - APAC", "EU"))).containsExactly("APAC", "EMEA");
        assertThat(ServerRegions.regionsNamedIn(List.of("Users cannot apply a map; na; us", "Webex Meetings"))).isEmpty();
        assertThat(ServerRegions.regionsNamedIn(List.of("Japanese users"))).as("whole words only").isEmpty();
    }

    @Test
    void theUsersRegionMatchesOrNot() {
        assertThat(ServerRegions.match(List.of("APAC"), Optional.of("Tokyo, Japan")).orElseThrow())
                .satisfies(m -> {
                    assertThat(m.text()).isEqualTo("matches your meeting region (Tokyo, Japan → APAC)");
                    assertThat(m.yours()).isTrue();
                });
        assertThat(ServerRegions.match(List.of("Webex Calling London"), Optional.of("Tokyo, Japan")).orElseThrow().text())
                .isEqualTo("not your region (yours: APAC)");
        assertThat(ServerRegions.match(List.of("Webex Messaging - Delayed message delivery"), Optional.of("Tokyo, Japan")))
                .as("no region named: nothing to say").isEmpty();
    }
}
