package com.webexqoe.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation/SAM template read as plain maps and lists (the short-form tags {@code !Ref},
 * {@code !Sub}, {@code !GetAtt}... become their long forms {@code {"Ref": ...}}, {@code {"Fn::Sub": ...}}),
 * plus a resolver that evaluates the intrinsic functions for given parameter values, so that a
 * test can compare a policy's resources or a variable's value with plain strings.
 *
 * <p>The resolver gives each resource the values CloudFormation would, in a fixed region and
 * account: a table's {@code Ref} is its name and its {@code Arn} the table ARN, a secret's
 * {@code Ref} its ARN (with a stand-in random suffix), a log group's {@code Arn} ends in
 * {@code :*} as CloudFormation's does.
 */
final class CfnTemplate {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    /** What Secrets Manager appends to a secret's name in its ARN (six random characters). */
    static final String SECRET_SUFFIX = "-AbCdEf";
    /**
     * The {@code NamePrefix} the tests deploy with ({@link Repository#TEST_PARAMETERS}): the local
     * runner's and the test kit's names. The template's default is another one (see
     * TemplateResourcesTest#defaultNamesNeverMeetTheOriginalsResources).
     */
    static final String TEST_PREFIX = "webexdev";
    static final String STACK = "webexqoe-stack";
    /** What CloudFormation appends to a generated physical name (stack-logicalid-RANDOM). */
    static final String GENERATED_SUFFIX = "1a2b3c4d5e6f";

    /** {@code AWS::NoValue}: removed from the map or list that holds it. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final String[] FUNCTION_TAGS = {"Sub", "GetAtt", "If", "Equals", "Not", "And", "Or", "Select",
            "Join", "Split", "FindInMap", "Base64", "GetAZs", "ImportValue", "Cidr", "Length", "ToJsonString"};

    private final Map<String, Object> root;

    private CfnTemplate(Map<String, Object> root) {
        this.root = root;
    }

    /** The log group of a deployed function: /webexqoe/&lt;prefix&gt;/&lt;fn&gt;, for "&lt;prefix&gt;-&lt;fn&gt;". */
    static String logGroupName(String functionName) {
        int dash = functionName.indexOf('-');
        return "/webexqoe/" + functionName.substring(0, dash) + "/" + functionName.substring(dash + 1);
    }

    static CfnTemplate read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CfnTemplate(new Yaml(new TagConstructor()).load(reader));
        }
    }

    static Map<String, Object> readPlainYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> section(String name) {
        return map(root.getOrDefault(name, Map.of()));
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return map(resource);
    }

    String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        return resources().entrySet().stream()
                .filter(e -> type.equals(map(e.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A resolver with the parameters' defaults, overridden by {@code parameters}. */
    Resolver resolver(Map<String, String> parameters) {
        return new Resolver(parameters);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        return List.of(value);
    }

    /** Evaluates intrinsic functions with one set of parameter values. */
    final class Resolver {

        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Resolver(Map<String, String> overrides) {
            section("Parameters").forEach((name, definition) -> {
                Object defaultValue = map(definition).get("Default");
                if (defaultValue != null) {
                    parameters.put(name, String.valueOf(defaultValue));
                }
            });
            parameters.putAll(overrides);
        }

        String parameter(String name) {
            String value = parameters.get(name);
            if (value == null) {
                throw new AssertionError("parameter " + name + " has no default: give the test a value for it");
            }
            return value;
        }

        boolean condition(String name) {
            Object definition = section("Conditions").get(name);
            if (definition == null) {
                throw new AssertionError("template.yaml has no condition " + name);
            }
            return (Boolean) resolve(definition);
        }

        /** Whether a resource exists for these parameters (its {@code Condition}, if any, holds). */
        boolean exists(String logicalId) {
            Object condition = resource(logicalId).get("Condition");
            return condition == null || condition((String) condition);
        }

        String string(Object node) {
            Object value = resolve(node);
            if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
                throw new AssertionError("expected a text value, found " + value + " (from " + node + ")");
            }
            return String.valueOf(value);
        }

        Optional<Object> optional(Object node) {
            Object value = resolve(node);
            return value == NO_VALUE || value == null ? Optional.empty() : Optional.of(value);
        }

        Object resolve(Object node) {
            if (node instanceof List<?> items) {
                List<Object> out = new ArrayList<>();
                for (Object item : items) {
                    Object value = resolve(item);
                    if (value != NO_VALUE) {
                        out.add(value);
                    }
                }
                return out;
            }
            if (!(node instanceof Map<?, ?> mapping)) {
                return node;
            }
            if (mapping.size() == 1) {
                String key = String.valueOf(mapping.keySet().iterator().next());
                Object argument = mapping.values().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && argument instanceof String) {
                    return function(key, argument);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            mapping.forEach((k, v) -> {
                Object value = resolve(v);
                if (value != NO_VALUE) {
                    out.put(String.valueOf(k), value);
                }
            });
            return out;
        }

        private Object function(String name, Object argument) {
            switch (name) {
                case "Ref":
                    return ref((String) argument);
                case "Condition":
                    return condition((String) argument);
                case "Fn::GetAtt": {
                    List<Object> parts = argument instanceof String text
                            ? List.of(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1))
                            : list(argument);
                    return getAtt((String) parts.get(0), string(parts.get(1)));
                }
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::If": {
                    List<Object> args = list(argument);
                    return resolve(condition((String) args.get(0)) ? args.get(1) : args.get(2));
                }
                case "Fn::Equals": {
                    List<Object> args = list(argument);
                    return string(args.get(0)).equals(string(args.get(1)));
                }
                case "Fn::Not":
                    return !(Boolean) resolve(list(argument).get(0));
                case "Fn::And":
                    return list(argument).stream().allMatch(c -> (Boolean) resolve(c));
                case "Fn::Or":
                    return list(argument).stream().anyMatch(c -> (Boolean) resolve(c));
                case "Fn::Join": {
                    List<Object> args = list(argument);
                    List<String> parts = list(resolve(args.get(1))).stream().map(String::valueOf).toList();
                    return String.join(string(args.get(0)), parts);
                }
                case "Fn::Select": {
                    List<Object> args = list(argument);
                    return list(resolve(args.get(1))).get(Integer.parseInt(string(args.get(0))));
                }
                case "Fn::Split": {
                    List<Object> args = list(argument);
                    return List.of(string(args.get(1)).split(Pattern.quote(string(args.get(0))), -1));
                }
                default:
                    throw new AssertionError("the template test does not evaluate " + name + " (" + argument + ")");
            }
        }

        Object ref(String name) {
            switch (name) {
                case "AWS::Region":
                    return REGION;
                case "AWS::AccountId":
                    return ACCOUNT;
                case "AWS::Partition":
                    return "aws";
                case "AWS::URLSuffix":
                    return "amazonaws.com";
                case "AWS::StackName":
                    return STACK;
                case "AWS::NoValue":
                    return NO_VALUE;
                default:
                    break;
            }
            if (section("Parameters").containsKey(name)) {
                return parameter(name);
            }
            if (!resources().containsKey(name)) {
                throw new AssertionError("!Ref " + name + " names neither a parameter nor a resource of template.yaml");
            }
            Map<String, Object> props = properties(name);
            return switch (type(name)) {
                case "AWS::DynamoDB::Table" -> string(props.get("TableName"));
                case "AWS::S3::Bucket" -> props.containsKey("BucketName") ? string(props.get("BucketName"))
                        : (STACK + "-" + name + "-" + GENERATED_SUFFIX).toLowerCase();
                case "AWS::SecretsManager::Secret" -> secretArn(string(props.get("Name")));
                case "AWS::Logs::LogGroup" -> string(props.get("LogGroupName"));
                case "AWS::Serverless::Function" -> string(props.get("FunctionName"));
                case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + string(props.get("TopicName"));
                case "AWS::Serverless::Api" -> name.toLowerCase() + "id";
                default -> "ref:" + name;
            };
        }

        Object getAtt(String logicalId, String attribute) {
            if (!resources().containsKey(logicalId)) {
                throw new AssertionError("!GetAtt " + logicalId + "." + attribute + " names no resource of template.yaml");
            }
            String type = type(logicalId);
            if (!attribute.equals("Arn")) {
                return "getatt:" + logicalId + "." + attribute;
            }
            return switch (type) {
                case "AWS::DynamoDB::Table" -> tableArn((String) ref(logicalId));
                case "AWS::S3::Bucket" -> "arn:aws:s3:::" + ref(logicalId);
                case "AWS::Logs::LogGroup" -> logGroupArn((String) ref(logicalId));
                case "AWS::IAM::Role" -> "arn:aws:iam::" + ACCOUNT + ":role/" + logicalId;
                default -> "getatt:" + logicalId + ".Arn";
            };
        }

        private Object sub(Object argument) {
            String template;
            Map<String, Object> variables = new LinkedHashMap<>();
            if (argument instanceof String text) {
                template = text;
            } else {
                List<Object> args = list(argument);
                template = (String) args.get(0);
                map(args.get(1)).forEach((k, v) -> variables.put(k, resolve(v)));
            }
            Matcher m = Pattern.compile("\\$\\{(!?)([^}]+)}").matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement;
                String name = m.group(2).trim();
                if (!m.group(1).isEmpty()) {
                    replacement = "${" + name + "}";
                } else if (variables.containsKey(name)) {
                    replacement = String.valueOf(variables.get(name));
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    replacement = String.valueOf(getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1)));
                } else {
                    replacement = String.valueOf(ref(name));
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    static String tableArn(String tableName) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tableName;
    }

    static String logGroupArn(String logGroupName) {
        return "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + logGroupName + ":*";
    }

    static String secretArn(String secretName) {
        return "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:" + secretName + SECRET_SUFFIX;
    }

    /** Reads CloudFormation's short-form tags as their long forms. */
    private static final class TagConstructor extends SafeConstructor {

        TagConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(new Tag("!Ref"), new LongForm("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new LongForm("Condition"));
            for (String function : FUNCTION_TAGS) {
                yamlConstructors.put(new Tag("!" + function), new LongForm("Fn::" + function));
            }
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(key, value);
                return longForm;
            }
        }
    }
}
