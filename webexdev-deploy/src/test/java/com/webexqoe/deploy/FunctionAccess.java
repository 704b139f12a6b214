package com.webexqoe.deploy;


import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.webexqoe.deploy.CfnTemplate.list;
import static com.webexqoe.deploy.CfnTemplate.map;

/**
 * One function's entry of {@code function-access.yaml}: how it is packaged and triggered, and
 * exactly what it calls in AWS (the list the template's IAM policies are held to).
 */
record FunctionAccess(String function, String handler, String jar, Optional<String> schedule,
                      Optional<Api> api, boolean snapStart, List<TableGrant> tables,
                      Optional<BucketGrants> bucket, List<SecretGrant> secrets, List<String> unscoped) {

    record Api(String method, String path) {
    }

    record TableGrant(String env, ProjectTables table, Optional<String> index, List<String> actions) {
    }

    record BucketGrants(String env, List<BucketGrant> grants) {
    }

    /** Actions on some object keys, or (when {@code objects} is empty) on the bucket itself. */
    record BucketGrant(List<String> objects, List<String> actions) {
    }

    record SecretGrant(String env, String secret, List<String> actions) {
    }

    /** The module that builds the jar: the jar path's first segment. */
    String module() {
        return jar.substring(0, jar.indexOf('/'));
    }

    String handlerClass() {
        return handler.substring(0, handler.indexOf("::"));
    }

    String handlerMethod() {
        return handler.substring(handler.indexOf("::") + 2);
    }

    static Map<String, FunctionAccess> load() throws IOException {
        Path file;
        try {
            file = Path.of(FunctionAccess.class.getResource("/function-access.yaml").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> root = CfnTemplate.readPlainYaml(file);
        Map<String, FunctionAccess> out = new java.util.LinkedHashMap<>();
        root.forEach((name, value) -> out.put(name, parse(name, map(value))));
        return out;
    }

    private static FunctionAccess parse(String function, Map<String, Object> entry) {
        List<TableGrant> tables = list(entry.getOrDefault("tables", List.of())).stream()
                .map(t -> {
                    Map<String, Object> table = map(t);
                    return new TableGrant((String) table.get("env"), ProjectTables.valueOf((String) table.get("table")),
                            Optional.ofNullable((String) table.get("index")), strings(table.get("actions")));
                })
                .toList();
        Optional<BucketGrants> bucket = Optional.ofNullable(entry.get("bucket")).map(b -> {
            Map<String, Object> grants = map(b);
            return new BucketGrants((String) grants.get("env"), list(grants.get("grants")).stream()
                    .map(g -> {
                        Map<String, Object> grant = map(g);
                        List<String> objects = Boolean.TRUE.equals(grant.get("bucket"))
                                ? List.of() : strings(grant.get("objects"));
                        return new BucketGrant(objects, strings(grant.get("actions")));
                    })
                    .toList());
        });
        List<SecretGrant> secrets = list(entry.getOrDefault("secrets", List.of())).stream()
                .map(s -> {
                    Map<String, Object> secret = map(s);
                    return new SecretGrant((String) secret.get("env"), (String) secret.get("secret"),
                            strings(secret.get("actions")));
                })
                .toList();
        Optional<Api> api = Optional.ofNullable(entry.get("api"))
                .map(a -> new Api((String) map(a).get("method"), (String) map(a).get("path")));
        return new FunctionAccess(function, (String) entry.get("handler"), (String) entry.get("jar"),
                Optional.ofNullable((String) entry.get("schedule")), api, Boolean.TRUE.equals(entry.get("snapStart")),
                tables, bucket, secrets, strings(entry.getOrDefault("unscoped", List.of())));
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
