"""Expands template.yaml with the SAM translator, as CloudFormation's AWS::Serverless transform does.

Usage: sam-transform.py <template.yaml> <out.json> NAME=VALUE...  (the stack's parameter values)
Exit 3 when the translator or cfn-lint's YAML reader is missing (the Java test then skips, visibly).
Each function's local CodeUri becomes an S3 URI first, as `sam deploy` uploads it.
"""
import json
import os
import sys

try:
    from cfnlint.decode import cfn_yaml
    from samtranslator.parser import parser
    from samtranslator.translator.translator import Translator
except ImportError as missing:
    print("sam-transform: " + str(missing), file=sys.stderr)
    sys.exit(3)

source, target = sys.argv[1], sys.argv[2]
parameters = dict(arg.split("=", 1) for arg in sys.argv[3:])
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

template = json.loads(json.dumps(cfn_yaml.load(source), default=str))
for resource in template["Resources"].values():
    if resource["Type"] == "AWS::Serverless::Function":
        code = resource["Properties"].get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            resource["Properties"]["CodeUri"] = "s3://sam-artifacts/" + code

translated = Translator(managed_policy_map={}, sam_parser=parser.Parser()).translate(
    sam_template=template, parameter_values=parameters, get_managed_policy_map=lambda: {})
with open(target, "w", encoding="utf-8") as out:
    json.dump(translated, out, indent=1)
