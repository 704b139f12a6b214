package com.webexqoe.deploy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The AWS actions a function's code can call, read from its jar's class files: every method
 * its own classes (and the project classes they use, transitively) refer to on the common
 * wrappers ({@code DynamoTable}, {@code ObjectStore}, {@code SecretStore}) or directly on an SDK
 * client ({@code ComprehendClient.detectSentiment} → {@code comprehend:DetectSentiment}).
 *
 * <p>Class-level, from the constant pools: a class that refers to a method counts as calling it.
 * That can only over-count (a method referred to but never reached), never miss one that a
 * project class calls.
 */
final class CodeActions {

    private static final String PROJECT = "com/webexqoe/";
    private static final String COMMON = "com/webexqoe/common/";

    /** What each wrapper method calls in AWS (see the wrappers' sources in webexdev-common). */
    private static final Map<String, Map<String, List<String>>> WRAPPERS = Map.of(
            "com/webexqoe/common/dynamo/DynamoTable", Map.of(
                    "put", List.of("dynamodb:PutItem"),
                    "putIfAbsent", List.of("dynamodb:PutItem"),
                    "delete", List.of("dynamodb:DeleteItem"),
                    "putAll", List.of("dynamodb:BatchWriteItem"),
                    "get", List.of("dynamodb:GetItem"),
                    "getAll", List.of("dynamodb:BatchGetItem"),
                    "scanAll", List.of("dynamodb:Scan"),
                    "query", List.of("dynamodb:Query")),
            // HeadObject/GetObject need s3:GetObject; telling "missing" (404) from "forbidden"
            // (403), which head/get answer as Optional.empty(), needs s3:ListBucket.
            "com/webexqoe/common/s3/ObjectStore", Map.of(
                    "put", List.of("s3:PutObject"),
                    "putText", List.of("s3:PutObject"),
                    "head", List.of("s3:GetObject", "s3:ListBucket"),
                    "get", List.of("s3:GetObject", "s3:ListBucket")),
            "com/webexqoe/common/secrets/SecretStore", Map.of(
                    "get", List.of("secretsmanager:GetSecretValue"),
                    "getFresh", List.of("secretsmanager:GetSecretValue"),
                    "update", List.of("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue")));

    /** SDK client interfaces called directly, by IAM service prefix. */
    private static final Map<String, String> CLIENTS = Map.of(
            "software/amazon/awssdk/services/dynamodb/DynamoDbClient", "dynamodb",
            "software/amazon/awssdk/services/s3/S3Client", "s3",
            "software/amazon/awssdk/services/secretsmanager/SecretsManagerClient", "secretsmanager",
            "software/amazon/awssdk/services/comprehend/ComprehendClient", "comprehend");

    /** S3 operations whose IAM action has another name. */
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "s3:HeadObject", "s3:GetObject",
            "s3:ListObjectsV2", "s3:ListBucket",
            "s3:ListObjects", "s3:ListBucket",
            "s3:HeadBucket", "s3:ListBucket");

    private static final Set<String> NOT_OPERATIONS = Set.of("builder", "create", "close", "serviceName",
            "serviceClientConfiguration", "utilities", "waiter");

    private CodeActions() {
    }

    /**
     * @param ownPackage the function's package, e.g. {@code com/webexqoe/status/}
     */
    static Set<String> of(Path jar, String ownPackage) throws IOException {
        Map<String, Set<MethodRef>> references = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PROJECT) && name.endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        references.put(name.substring(0, name.length() - 6), methodRefs(in.readAllBytes()));
                    }
                }
            }
        }
        Set<String> actions = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        references.keySet().stream().filter(c -> c.startsWith(ownPackage)).forEach(todo::add);
        while (!todo.isEmpty()) {
            String type = todo.pop();
            if (!seen.add(type) || WRAPPERS.containsKey(type)) {
                continue;
            }
            for (MethodRef ref : references.getOrDefault(type, Set.of())) {
                Map<String, List<String>> wrapper = WRAPPERS.get(ref.owner());
                String service = CLIENTS.get(ref.owner());
                if (wrapper != null) {
                    actions.addAll(wrapper.getOrDefault(ref.name(), List.of()));
                } else if (service != null && !NOT_OPERATIONS.contains(ref.name()) && !ref.name().startsWith("<")) {
                    String operation = ref.name().replaceFirst("Paginator$", "");
                    String action = service + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
                    actions.add(S3_ACTIONS.getOrDefault(action, action));
                } else if (ref.owner().startsWith(PROJECT) && !ref.owner().startsWith(ownPackage)) {
                    todo.add(ref.owner());
                }
            }
            // Nested and sibling classes of the project used by this one (constructors, fields).
            references.keySet().stream()
                    .filter(other -> other.startsWith(type + "$"))
                    .forEach(todo::add);
        }
        return actions;
    }

    record MethodRef(String owner, String name) {
    }

    /** The (class, method name) of every Methodref and InterfaceMethodref in a class file's constant pool. */
    static Set<MethodRef> methodRefs(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] nameAndType = new int[count][];
        int[][] methodRefs = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9 -> in.readInt();
                case 10, 11 -> methodRefs[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<MethodRef> out = new HashSet<>();
        for (int[] ref : methodRefs) {
            if (ref != null) {
                out.add(new MethodRef(utf8[classNameIndex[ref[0]]], utf8[nameAndType[ref[1]][0]]));
            }
        }
        // Classes named anywhere (a field or a parameter of a project type): visited too.
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0 && utf8[classNameIndex[i]] != null) {
                out.add(new MethodRef(utf8[classNameIndex[i]], "<class>"));
            }
        }
        return out;
    }
}
