"""The briefing as a Word document. (Initial version: plain paragraphs.)"""

from __future__ import annotations

import io

from docx import Document

from briefer.config import BriefConfig
from briefer.types import Briefing


def render_docx(briefing: Briefing, config: BriefConfig) -> bytes:
    document = Document()
    document.add_heading(briefing.title, level=0)
    document.add_paragraph(briefing.date)
    for story in briefing.stories:
        document.add_heading(story.lead.headline_ar, level=1)
        for bullet in story.lead.bullets_ar:
            document.add_paragraph(bullet.text, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
