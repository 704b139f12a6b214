package com.webexqoe.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void defaultsArePort8080DataFolderAndDemoMode() {
        Options options = Options.parse();

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir()).isEqualTo(Path.of("local-data"));
        assertThat(options.demo()).isTrue();
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> Options.parse("--port", "http")).hasMessage("--port must be a number from 1 to 65535, got 'http'");
        assertThatThrownBy(() -> Options.parse("--port")).hasMessageStartingWith("--port needs a value");
        assertThatThrownBy(() -> Options.parse("--secrets", "/no/such/file.json")).hasMessage("--secrets /no/such/file.json: no such file");
        assertThatThrownBy(() -> Options.parse("--verbose")).hasMessageStartingWith("unknown option '--verbose'");
    }
}
