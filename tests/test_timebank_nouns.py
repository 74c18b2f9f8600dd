"""The tool that lists the nouns TimeML annotators tag as events (evals/tools/timebank_event_nouns.py), on
hand-made TimeML."""

from __future__ import annotations

from pathlib import Path

from evaltools import load_tool

DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>d{n}</DOCID><TEXT>
The <EVENT eid="e1" class="OCCURRENCE">takeover</EVENT> of the company angered the union.
A second <EVENT eid="e2" class="OCCURRENCE">takeover</EVENT> followed, and the company was in <EVENT eid="e3"
class="STATE">crisis</EVENT>. The union's <EVENT eid="e4" class="OCCURRENCE">meeting</EVENT> was short.
</TEXT></TimeML>
"""


def test_a_noun_tagged_as_an_act_in_enough_of_its_uses_is_listed(tmp_path: Path) -> None:
    tool = load_tool("timebank_event_nouns")
    for n in (1, 2):
        (tmp_path / f"d{n}.tml").write_text(DOC.format(n=n), encoding="utf-8")
    seen, tagged = tool.count(tmp_path, {"OCCURRENCE"})
    assert (seen["takeover"], tagged["takeover"]) == (4, 4)
    assert (seen["company"], tagged["company"]) == (4, 0)
    assert tagged["crisis"] == 0  # a state is not counted as an act
    assert list(tool.listed(seen, tagged, 2, 0.5)) == ["meeting", "takeover"]
    assert list(tool.listed(seen, tagged, 3, 0.5)) == ["takeover"]  # "meeting": seen twice
