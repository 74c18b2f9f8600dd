"""Who does an act as a reader reads the sentence (issue 18, the Session 15 reader audit): the doer of an
infinitive a verb tells another to do, of an act a passive's subject was asked to do, and the party a relative
clause's pronoun stands for."""

from __future__ import annotations

from typing import Any

from summarise.extract.article_events import find_events
from summarise.extract.attribution import find_attributions, parse_article
from summarise.ingest import load_text


def doers(text: str) -> dict[str, str]:
    """Each event's first action word -> its doer."""
    doc = load_text(text)
    article = parse_article(doc)
    return {e.action.split()[0]: e.actor for e in find_events(doc, article, find_attributions(doc, article))}


def test_a_pronoun_told_to_act_does_the_infinitive() -> None:
    # "asked him to resign": the one asked resigns (resolved as a subject pronoun is), not the board
    assert doers("Ford hired John Smith in May. The board later asked him to resign from the company.")["resign"] == (
        "John Smith"
    )


def test_the_object_a_verb_leads_or_prompts_to_act_does_the_infinitive() -> None:
    assert doers("The glitch led the pilots to disengage an engine.")["disengage"] == "the pilots"
    text = "Byrd's strategy prompted Scott's father to send his son to a boarding school."
    assert doers(text)["send"] == "Scott's father"


def test_an_object_pronoun_told_to_act_never_stands_for_its_verb_s_subject() -> None:
    text = "The two companies received federal loans, but Congress required them to produce viability plans."
    assert doers(text)["produce"] == "The two companies"  # not Congress, the name nearest before "them"


def test_the_one_called_on_does_the_infinitive() -> None:
    found = doers("David Axelrod on Wednesday called on Howard Dean to apologize to Donald Trump.")
    assert found["apologize"] == "Howard Dean"  # not Axelrod, nor "Wednesday" (the first "on")
    # the parse may take "on" for a particle
    assert doers("Scott's family has called on police to release the videos.")["release"] == "police"
    # a call still to come asks nothing of anyone yet: "we" names nobody, and North Korea has agreed to nothing
    found = doers("“We will continue to call on North Korea to abide by its commitments,” Sullivan told reporters.")
    assert "abide" not in found


def test_what_is_left_to_do_something_does_it_but_not_a_place_left() -> None:
    assert doers("The man stabbed his mother and left the bodies to rot for days.")["rot"] == "the bodies"
    assert doers("Jane Roux left the company to join Google in May.")["join"] == "Jane Roux"


def test_the_subject_asked_in_the_passive_does_the_infinitive_not_the_agent() -> None:
    text = "Dr. Sanjay Gupta has been approached by the Obama administration to fill the post of Surgeon General."
    assert doers(text)["fill"] == "Dr. Sanjay Gupta"
    assert doers("Acme was forced by its bank to seek new funding.")["seek"] == "Acme"


def test_whose_stands_for_the_party_the_clause_hangs_on() -> None:
    text = "Bettie Page, the pin-up model whose photographs titillated Americans in the 1950s, has died."
    assert doers(text)["titillated"] == "Bettie Page"
    # the parse hangs the clause on the contribution, which owns no office: the party named before "whose"
    text = (
        "Such as an improper $25,000 contribution from his family foundation to the attorney general of Florida, "
        "whose office was poking around at allegations of fraud at Trump University."
    )
    assert doers(text)["poking"] == "the attorney general"


def test_the_one_who_is_the_subject_be_says_it_is() -> None:
    text = "Trump claimed that Hillary Clinton was the one who started the birther controversy."
    assert doers(text)["started"] == "Hillary Clinton"
    # denied, "the one who" is someone unnamed: no doer, no event
    assert "fired" not in doers("Lynch said Timmons had a gun, but isn't the one who fired the fatal shot.")


def test_a_bare_office_is_not_the_relative_s_antecedent() -> None:
    text = "Melanie spoke to the Republican nominee for president, who began his speech by marveling at the crowd."
    assert doers(text)["began"] == "the Republican nominee"


def events_of(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each event's first action word -> its doer and targets."""
    doc = load_text(text)
    article = parse_article(doc)
    found = find_events(doc, article, find_attributions(doc, article))
    return {e.action.split()[0]: (e.actor, e.targets) for e in found}


def test_a_person_s_act_noun_is_done_to_its_possessor() -> None:
    text = "Lo Presti, 52, was found dead in Pagliarelli prison only hours after his arrest."
    assert events_of(text)["arrest"] == ("", ("Lo Presti",))  # he was arrested, by nobody named
    text = "McConnell cited the release of political prisoners and Suu Kyi's election to parliament."
    assert events_of(text)["election"] == ("", ("Suu Kyi",))
    # a pronoun no name of its clause gives: no line that makes her the one who released
    assert "release" not in events_of("Melanie went home. She said so several months after her release.")
    # with an "of" phrase, or owned by a company, the possessor does it
    assert events_of("Obama's appointment of Smith was criticised.")["appointment"] == ("Obama", ("Smith",))
    assert events_of("Apple's release of Lion came in July.")["release"][0] == "Apple"


def test_a_reduced_passive_coordinated_with_its_agent_s_participle_is_the_agent_s_act() -> None:
    # the parse takes "hit" for a past tense with "A woman" its subject: she was hit, by the motorist
    text = "A woman hit and killed by a motorist outside a store in Bloomington might be alive today."
    found = {e.action.split()[0]: (e.actor, e.action) for e in _events(text)}
    assert found["hit"] == ("a motorist", "hit a woman")
    assert found["killed"][0] == "a motorist" and found["killed"][1].startswith("killed a woman")
    # a bare participle after a passive shares its passive reading: its subject undergoes, its "by" phrase does
    text = "A woman was hit and killed by a motorist on Wednesday night outside her home."
    killed = [(e.actor, e.action) for e in _events(text) if e.action.split()[0] == "killed"]
    assert killed and killed[0][0] == "a motorist" and killed[0][1].startswith("killed a woman")
    text = "She was walking outside when she was struck and killed by a motorist."
    assert "killed her" in [e.action for e in _events(text)]
    # one with an object of its own acts: "was hit and lost a tooth" is no passive
    assert "lost a tooth" in [e.action for e in _events("The boxer was hit and lost a tooth.")]
    # a coordinated passive with its own auxiliary is left as it was told
    assert "Google" in [e.actor for e in _events("Acme grew and was bought by Google.")]


def _events(text: str) -> list[Any]:
    doc = load_text(text)
    article = parse_article(doc)
    return list(find_events(doc, article, find_attributions(doc, article)))


def test_a_noun_s_infinitive_judged_by_the_verb_s_subject_has_no_doer_named() -> None:
    # the critics weigh the decision; who closes the plant is not said
    assert "close" not in doers("Critics questioned the decision to close the plant.")
    assert doers("Trump made a decision to fire the director.")["fire"] == "Trump"  # his own decision
    assert doers("Acme won a contract to supply tankers.")["supply"] == "Acme"


def test_a_noun_of_asking_is_not_done_by_who_asks() -> None:
    # the paper asks the court to unseal the file: not the paper's act
    assert "unseal" not in doers("The judge rejected the newspaper's request to unseal the file.")


def test_the_one_given_a_noun_s_power_does_its_infinitive() -> None:
    assert doers("The law gives the agency the authority to issue new rules.")["issue"] == "the agency"


def test_a_clause_with_a_tense_of_its_own_and_no_subject_found_keeps_no_doer_from_the_clause_above() -> None:
    # the parse lost the subject ("patterns", "Smith"): the speaker or the writer above is no doer, and the act
    # is still told, by nobody named there (Session 17: such inherited doers were wrong about 3 times in 4)
    text = "Shifting rain patterns in East Africa could hurt a million farmers who depend on the crops, Mr. Smith said."
    assert events_of(text)["hurt"][0] == ""
    text = "Writing for a panel that all agreed Smith won the race, Jane Doe noted that his calm was critical."
    assert events_of(text)["won"][0] == ""
    # a verb with its own subject, and a conjunct sharing its first verb's, keep theirs
    assert doers("Analysts said the company would not cut prices and would not close a single store.")["close"] == (
        "the company"
    )


def test_a_passive_sharing_an_active_verb_s_subject_is_undergone_by_it() -> None:
    # "has recorded … and was inducted": the singer was inducted, by nobody named; not the singer's act
    text = "The singer has recorded four albums and was inducted into the Hall of Fame last year."
    assert ("", "The singer was inducted into the Hall") in [(e.actor, e.action) for e in _events(text)]
    # "hopes to be reelected": she is reelected, told as undergone
    assert ("", "she be reelected") in [
        (e.actor, e.action) for e in _events("The governor says she hopes to be reelected.")
    ]
    # with an agent, the agent does it, to the subject the passive shares
    text = "The coach has praised the rookies and was fined by the league for his remarks."
    assert ("the league", "fined the coach for his remarks") in [(e.actor, e.action) for e in _events(text)]
