package com.webexqoe.te.poll;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class TePollerTest {

    @Test
    void theDetailUrlExtendsTheConfiguredPathAndKeepsItsQuery() {
        URI list = URI.create("https://api.thousandeyes.com/v7/test-results/281474976710706/path-vis?aid=1234&direction=to-target");

        assertThat(TePoller.detailUrl(list, new AgentRound("101", "1764234600"))).hasToString(
                "https://api.thousandeyes.com/v7/test-results/281474976710706/path-vis/agent/101/round/1764234600?aid=1234&direction=to-target");
    }

    @Test
    void aTrailingSlashIsNotDoubledAndOddAgentIdsAreEncodedAsOneSegment() {
        URI list = URI.create("http://127.0.0.1:8080/v7/test-results/9/path-vis/");

        assertThat(TePoller.detailUrl(list, new AgentRound("a/b c", "1"))).hasToString(
                "http://127.0.0.1:8080/v7/test-results/9/path-vis/agent/a%2Fb%20c/round/1");
    }
}
