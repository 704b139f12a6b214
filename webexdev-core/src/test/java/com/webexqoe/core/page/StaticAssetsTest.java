package com.webexqoe.core.page;

import com.webexqoe.standins.StandIns;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StaticAssetsTest {

    @Test
    void theListHoldsEveryFileOfS3FilesAndD3() throws Exception {
        Path dir = StandIns.repositoryRoot().resolve("s3-files");
        List<String> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        List<String> expected = StaticAssets.FILES.keySet().stream().filter(key -> !key.equals("d3.min.js")).sorted().toList();
        assertThat(files).isEqualTo(expected);
    }

    @Test
    void everyAssetIsInTheBuildWithItsHashAndD3IsTheMinifiedBundle() {
        StaticAssets assets = StaticAssets.fromClasspath();
        assertThat(assets.assets()).hasSize(StaticAssets.FILES.size())
                .allSatisfy(asset -> assertThat(asset.sha256()).hasSize(64).isEqualTo(StaticAssets.sha256(asset.body())));
        String d3 = assets.assets().stream().filter(a -> a.key().equals("d3.min.js")).findFirst().orElseThrow()
                .body().length > 100_000 ? "big" : "small";
        assertThat(d3).isEqualTo("big");
        assertThat(assets.versions().get("style.css")).hasSize(12);
    }

    @Test
    void theScriptInsertsOutsideTextOnlyAsText() throws Exception {
        String script = Files.readString(StandIns.repositoryRoot().resolve("s3-files/dashboard.js"), StandardCharsets.UTF_8);
        assertThat(script).doesNotContain(".html(").doesNotContain("innerHTML").doesNotContain("eval(")
                .doesNotContain("http://").doesNotContain("https://");
    }
}
