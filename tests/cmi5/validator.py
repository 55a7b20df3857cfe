"""Every stored statement checked by Learning Locker's xAPI validator (npm), in one node run."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from typing import Any

from conftest import ROOT, require, require_executable

RUNNER = ROOT / "tests" / "js" / "xapi_validate.js"
PACKAGE = ROOT / "node_modules" / "@learninglocker" / "xapi-validation"


def xapi_problems(statements: Sequence[dict[str, Any]]) -> list[str]:
    """The validator's warnings, "verb: path: message"; empty when all are valid xAPI."""
    node = require_executable("node")
    require(PACKAGE.is_dir(), "the npm package @learninglocker/xapi-validation (run npm ci)")
    bare = [{k: v for k, v in s.items() if k != "stored"} for s in statements]
    done = subprocess.run([node, str(RUNNER), str(PACKAGE)], input=json.dumps(bare),
                          capture_output=True, text=True, check=True, timeout=60)
    return list(json.loads(done.stdout))
