#!/usr/bin/env bash
# The conformance suite through a second, independent JSON Schema validator: Ajv 8 (JavaScript),
# in strict mode (it refuses to compile a schema with keywords whose type is not stated, required
# members not defined, unknown keywords). Not part of `mvn verify` (it needs Node.js and the npm
# registry); hotlinekit's own run of the suite is ConformanceSuiteTest (reader + networknt).
#
#   conformance/ajv/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm install --silent --no-audit --no-fund ajv@8 ajv-formats@3 >/dev/null)
cp "$here/suite.js" "$work/"
(cd "$work" && node suite.js \
    "$root/iccam-format/src/main/resources/org/hotlinekit/iccam/json/hotlinekit-reports-1.schema.json" \
    "$root/conformance/reports")
