"""The briefing as JSON. (Initial version; the briefing issue documents and versions the schema.)"""

from __future__ import annotations

import dataclasses
import json

from briefer.config import BriefConfig
from briefer.types import Briefing

SCHEMA_VERSION = "0"


def render_json(briefing: Briefing, config: BriefConfig) -> str:
    payload = {"schema": f"briefer.briefing/{SCHEMA_VERSION}", **dataclasses.asdict(briefing)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
